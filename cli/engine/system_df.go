package engine

import (
	"context"
	"net/http"
)

// DiskUsage is the reply of GET /system/df.
type DiskUsage struct {
	LayersSize int64
	Images     []Image
	Containers []Container
	Volumes    []Volume
	BuildCache []BuildCacheRecord
}

// BuildCacheRecord is one entry of the builder's cache.
type BuildCacheRecord struct {
	ID          string
	Parent      string   `json:",omitempty"` // before API 1.42
	Parents     []string `json:",omitempty"`
	Type        string
	Description string
	InUse       bool
	Shared      bool
	Size        int64
	CreatedAt   string
	LastUsedAt  *string
	UsageCount  int
}

// DiskUsage calls GET /system/df.
func (c *Client) DiskUsage(ctx context.Context) (DiskUsage, error) {
	var out DiskUsage
	err := c.doJSON(ctx, request{method: http.MethodGet, path: "/system/df"}, &out)
	return out, err
}
