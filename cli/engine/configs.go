package engine

import "context"

// SwarmConfig is a swarm config (GET /configs).
type SwarmConfig struct {
	ID string
	ObjectMeta
	Spec ConfigSpec
}

// ConfigSpec is a config's name, labels, data and templating driver.
type ConfigSpec struct {
	Annotations
	Data       []byte       `json:",omitempty"`
	Templating *SwarmDriver `json:",omitempty"`
}

// ConfigList calls GET /configs.
func (c *Client) ConfigList(ctx context.Context, f Filters) ([]SwarmConfig, error) {
	return list[SwarmConfig](ctx, c, "/configs", f)
}

// ConfigCreate calls POST /configs/create and returns the new ID.
func (c *Client) ConfigCreate(ctx context.Context, spec ConfigSpec) (string, error) {
	return c.create(ctx, "/configs/create", spec)
}

// ConfigInspect calls GET /configs/{id} and returns the config and its JSON.
func (c *Client) ConfigInspect(ctx context.Context, id string) (SwarmConfig, []byte, error) {
	var cf SwarmConfig
	raw, err := c.rawAndTyped(ctx, "/configs/"+id, nil, &cf)
	return cf, raw, err
}

// ConfigRemove calls DELETE /configs/{id}.
func (c *Client) ConfigRemove(ctx context.Context, id string) error {
	return c.remove(ctx, "/configs/"+id)
}

// ConfigUpdate calls POST /configs/{id}/update with the spec read at
// version (the daemon accepts label changes only).
func (c *Client) ConfigUpdate(ctx context.Context, id string, version uint64, spec ConfigSpec) error {
	return c.update(ctx, "/configs/"+id+"/update", version, spec)
}
