package engine

import (
	"context"
	"net/http"
	"net/url"
)

// ImagesPruneReport is the reply of POST /images/prune.
type ImagesPruneReport struct {
	ImagesDeleted  []DeleteItem
	SpaceReclaimed uint64
}

// ImagesPrune calls POST /images/prune.
func (c *Client) ImagesPrune(ctx context.Context, f Filters) (ImagesPruneReport, error) {
	q := url.Values{}
	f.encode(q)
	var out ImagesPruneReport
	err := c.doJSON(ctx, request{method: http.MethodPost, path: "/images/prune", query: q}, &out)
	return out, err
}

// BuildCachePrune calls POST /build/prune (all: every cache record, not
// only the unused ones).
func (c *Client) BuildCachePrune(ctx context.Context, all bool, f Filters) (PruneReport, error) {
	q := url.Values{}
	if all {
		q.Set("all", "1")
	}
	f.encode(q)
	var out struct {
		CachesDeleted  []string
		SpaceReclaimed uint64
	}
	err := c.doJSON(ctx, request{method: http.MethodPost, path: "/build/prune", query: q}, &out)
	return PruneReport{Deleted: out.CachesDeleted, SpaceReclaimed: out.SpaceReclaimed}, err
}
