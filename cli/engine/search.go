package engine

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
)

// SearchResult is one repository found by GET /images/search.
type SearchResult struct {
	Name        string `json:"name"`
	Description string `json:"description"`
	StarCount   int    `json:"star_count"`
	IsOfficial  bool   `json:"is_official"`
	IsAutomated bool   `json:"is_automated"`
}

// SearchOptions are the query of GET /images/search.
type SearchOptions struct {
	Term    string
	Limit   int // 0: the daemon's default
	Filters Filters
	Auth    string // X-Registry-Auth
}

// ImageSearch asks the daemon to search a registry (Docker Hub by default).
func (c *Client) ImageSearch(ctx context.Context, o SearchOptions) ([]SearchResult, error) {
	q := url.Values{"term": {o.Term}}
	if o.Limit > 0 {
		q.Set("limit", strconv.Itoa(o.Limit))
	}
	o.Filters.encode(q)
	var out []SearchResult
	err := c.doJSON(ctx, request{method: http.MethodGet, path: "/images/search", query: q,
		headers: http.Header{"X-Registry-Auth": {o.Auth}}}, &out)
	return out, err
}
