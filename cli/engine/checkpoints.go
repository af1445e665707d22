package engine

import (
	"context"
	"net/http"
	"net/url"
)

// Checkpoint is one entry of GET /containers/{id}/checkpoints.
type Checkpoint struct {
	Name string
}

// CheckpointCreate calls POST /containers/{id}/checkpoints.
func (c *Client) CheckpointCreate(ctx context.Context, container, id, dir string, exit bool) error {
	body := struct {
		CheckpointID  string
		CheckpointDir string
		Exit          bool
	}{id, dir, exit}
	return c.doJSON(ctx, request{method: http.MethodPost, path: "/containers/" + container + "/checkpoints", json: body}, nil)
}

// CheckpointList calls GET /containers/{id}/checkpoints.
func (c *Client) CheckpointList(ctx context.Context, container, dir string) ([]Checkpoint, error) {
	q := url.Values{}
	if dir != "" {
		q.Set("dir", dir)
	}
	var out []Checkpoint
	err := c.doJSON(ctx, request{method: http.MethodGet, path: "/containers/" + container + "/checkpoints", query: q}, &out)
	return out, err
}

// CheckpointDelete calls DELETE /containers/{id}/checkpoints/{checkpoint}.
func (c *Client) CheckpointDelete(ctx context.Context, container, id, dir string) error {
	q := url.Values{}
	if dir != "" {
		q.Set("dir", dir)
	}
	return c.doJSON(ctx, request{method: http.MethodDelete, path: "/containers/" + container + "/checkpoints/" + id, query: q}, nil)
}

// ContainerStartCheckpoint starts a container from a checkpoint.
func (c *Client) ContainerStartCheckpoint(ctx context.Context, container, checkpoint, dir string) error {
	q := url.Values{"checkpoint": {checkpoint}}
	if dir != "" {
		q.Set("checkpoint-dir", dir)
	}
	return c.doJSON(ctx, request{method: http.MethodPost, path: "/containers/" + container + "/start", query: q}, nil)
}
