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

// DiskUsage is the reply of GET /system/df, reduced to what `system df` shows.
type DiskUsage struct {
	LayersSize int64
	Images     []struct {
		Containers int64
		Size       int64
		SharedSize int64
	}
	Containers []struct {
		State  string
		SizeRw int64
	}
	Volumes    []Volume
	BuildCache []struct {
		Size   int64
		InUse  bool
		Shared bool
	}
}

// DiskUsage calls GET /system/df.
func (c *Client) DiskUsage(ctx context.Context) (DiskUsage, error) {
	var out DiskUsage
	err := c.doJSON(ctx, request{method: http.MethodGet, path: "/system/df"}, &out)
	return out, err
}
