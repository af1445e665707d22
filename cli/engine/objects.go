package engine

import (
	"context"
	"fmt"
)

// objectPaths are the inspect endpoints of the objects without typed methods.
var objectPaths = map[string]string{
	"network": "/networks/%s",
	"volume":  "/volumes/%s",
	"plugin":  "/plugins/%s/json",
	"node":    "/nodes/%s",
	"service": "/services/%s",
	"task":    "/tasks/%s",
	"secret":  "/secrets/%s",
	"config":  "/configs/%s",
}

// ObjectInspect returns the raw JSON of a network, volume, plugin or swarm
// object (kind is the singular name, as `docker inspect --type` takes it).
func (c *Client) ObjectInspect(ctx context.Context, kind, name string) ([]byte, error) {
	p, ok := objectPaths[kind]
	if !ok {
		return nil, fmt.Errorf("unknown object type %q", kind)
	}
	return c.getRaw(ctx, fmt.Sprintf(p, name), nil)
}
