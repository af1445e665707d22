package engine

import (
	"context"
	"io"
	"net/http"
	"net/url"
)

// TopResult is the reply of GET /containers/{id}/top: ps's columns and rows.
type TopResult struct {
	Titles    []string
	Processes [][]string
}

// ContainerTop runs ps in the container; psArgs empty uses the daemon's default.
func (c *Client) ContainerTop(ctx context.Context, id, psArgs string) (TopResult, error) {
	if err := checkContainerID(&id); err != nil {
		return TopResult{}, err
	}
	var q url.Values
	if psArgs != "" {
		q = url.Values{"ps_args": {psArgs}}
	}
	var out TopResult
	err := c.doJSON(ctx, request{method: http.MethodGet, path: "/containers/" + id + "/top", query: q}, &out)
	return out, err
}

// Change is one entry of GET /containers/{id}/changes; Kind 0 modified,
// 1 added, 2 deleted.
type Change struct {
	Path string
	Kind int
}

// ContainerChanges lists the changes to a container's filesystem.
func (c *Client) ContainerChanges(ctx context.Context, id string) ([]Change, error) {
	if err := checkContainerID(&id); err != nil {
		return nil, err
	}
	var out []Change
	err := c.doJSON(ctx, request{method: http.MethodGet, path: "/containers/" + id + "/changes"}, &out)
	return out, err
}

// ContainerStats returns the stats stream of a container: one JSON object
// (stream false) or one per second. OSType is the daemon's (from the header).
func (c *Client) ContainerStats(ctx context.Context, id string, stream bool) (io.ReadCloser, string, error) {
	if err := checkContainerID(&id); err != nil {
		return nil, "", err
	}
	q := url.Values{"stream": {"0"}}
	if stream {
		q.Set("stream", "1")
	}
	resp, err := c.do(ctx, request{method: http.MethodGet, path: "/containers/" + id + "/stats", query: q})
	if err != nil {
		return nil, "", err
	}
	return resp.Body, resp.Header.Get("Ostype"), nil
}
