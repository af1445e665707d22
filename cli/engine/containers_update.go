package engine

import (
	"context"
	"net/http"
	"net/url"
)

// UpdateConfig is the body of POST /containers/{id}/update: limits left at
// zero (nil) are unchanged, as is an empty restart policy.
type UpdateConfig struct {
	Resources
	RestartPolicy RestartPolicy
}

// ContainerUpdate changes a container's resources; it returns the daemon's warnings.
func (c *Client) ContainerUpdate(ctx context.Context, id string, cfg UpdateConfig) ([]string, error) {
	if err := checkContainerID(&id); err != nil {
		return nil, err
	}
	var out struct{ Warnings []string }
	err := c.doJSON(ctx, request{method: http.MethodPost, path: "/containers/" + id + "/update", json: cfg}, &out)
	return out.Warnings, err
}

// ContainersPrune calls POST /containers/prune.
func (c *Client) ContainersPrune(ctx context.Context, f Filters) (PruneReport, error) {
	q := url.Values{}
	f.encode(q)
	var out struct {
		ContainersDeleted []string
		SpaceReclaimed    uint64
	}
	err := c.doJSON(ctx, request{method: http.MethodPost, path: "/containers/prune", query: q}, &out)
	return PruneReport{Deleted: out.ContainersDeleted, SpaceReclaimed: out.SpaceReclaimed}, err
}
