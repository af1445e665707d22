package engine

import (
	"context"
	"net/http"
	"net/url"
)

// Network is an entry of GET /networks.
type Network struct {
	ID     string `json:"Id"`
	Name   string
	Driver string
	Scope  string
}

// NetworkList lists networks.
func (c *Client) NetworkList(ctx context.Context, f Filters) ([]Network, error) {
	q := url.Values{}
	f.encode(q)
	var out []Network
	err := c.doJSON(ctx, request{method: http.MethodGet, path: "/networks", query: q}, &out)
	return out, err
}
