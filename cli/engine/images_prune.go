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
