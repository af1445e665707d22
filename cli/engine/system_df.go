package engine

import (
	"context"
	"net/http"
)

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
