package engine

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
)

// Image is one entry of GET /images/json.
type Image struct {
	ID          string `json:"Id"`
	ParentID    string `json:"ParentId"`
	RepoTags    []string
	RepoDigests []string
	Created     int64
	Size        int64
	SharedSize  int64
	VirtualSize int64 `json:",omitempty"`
	Labels      map[string]string
	Containers  int64
}

// ImageListOptions are the query of GET /images/json.
type ImageListOptions struct {
	All     bool
	Filters Filters
}

// ImageList lists images.
func (c *Client) ImageList(ctx context.Context, o ImageListOptions) ([]Image, error) {
	q := url.Values{}
	if o.All {
		q.Set("all", "1")
	}
	o.Filters.encode(q)
	var out []Image
	err := c.doJSON(ctx, request{method: http.MethodGet, path: "/images/json", query: q}, &out)
	return out, err
}

// ImageInspect returns the raw JSON of an image.
func (c *Client) ImageInspect(ctx context.Context, name string) ([]byte, error) {
	return c.getRaw(ctx, "/images/"+name+"/json", nil)
}

// ImagePull starts a pull; the caller renders the JSON progress stream.
// auth is the X-Registry-Auth header value.
func (c *Client) ImagePull(ctx context.Context, name, tag, platform, auth string) (io.ReadCloser, error) {
	q := url.Values{"fromImage": {name}}
	if tag != "" {
		q.Set("tag", tag)
	}
	if platform != "" {
		q.Set("platform", platform)
	}
	return c.stream(ctx, http.MethodPost, "/images/create", q, auth)
}

// ImagePush starts a push; the caller renders the JSON progress stream.
func (c *Client) ImagePush(ctx context.Context, name, tag, auth string) (io.ReadCloser, error) {
	q := url.Values{}
	if tag != "" {
		q.Set("tag", tag)
	}
	return c.stream(ctx, http.MethodPost, "/images/"+name+"/push", q, auth)
}

// ImageImport imports a tarball as an image; the body is streamed.
func (c *Client) ImageImport(ctx context.Context, src io.Reader, repo, tag, message string, changes []string) (io.ReadCloser, error) {
	q := url.Values{"fromSrc": {"-"}}
	if repo != "" {
		q.Set("repo", repo)
	}
	if tag != "" {
		q.Set("tag", tag)
	}
	if message != "" {
		q.Set("message", message)
	}
	for _, ch := range changes {
		q.Add("changes", ch)
	}
	resp, err := c.do(ctx, request{method: http.MethodPost, path: "/images/create", query: q, body: src,
		headers: http.Header{"Content-Type": {"application/x-tar"}}})
	if err != nil {
		return nil, err
	}
	return resp.Body, nil
}

func (c *Client) stream(ctx context.Context, method, path string, q url.Values, auth string) (io.ReadCloser, error) {
	h := http.Header{}
	if auth != "" {
		h.Set("X-Registry-Auth", auth)
	}
	resp, err := c.do(ctx, request{method: method, path: path, query: q, headers: h})
	if err != nil {
		return nil, err
	}
	return resp.Body, nil
}

// ImageTag tags an image.
func (c *Client) ImageTag(ctx context.Context, source, repo, tag string) error {
	q := url.Values{"repo": {repo}}
	if tag != "" {
		q.Set("tag", tag)
	}
	return c.doJSON(ctx, request{method: http.MethodPost, path: "/images/" + source + "/tag", query: q}, nil)
}

// DeleteItem is one line of DELETE /images/{name}.
type DeleteItem struct {
	Untagged string `json:",omitempty"`
	Deleted  string `json:",omitempty"`
}

// ImageRemove removes an image.
func (c *Client) ImageRemove(ctx context.Context, name string, force, noPrune bool) ([]DeleteItem, error) {
	q := url.Values{}
	if force {
		q.Set("force", "1")
	}
	if noPrune {
		q.Set("noprune", "1")
	}
	var out []DeleteItem
	err := c.doJSON(ctx, request{method: http.MethodDelete, path: "/images/" + name, query: q}, &out)
	return out, err
}

// ImageHistory returns the layers of an image.
func (c *Client) ImageHistory(ctx context.Context, name string) ([]json.RawMessage, error) {
	var out []json.RawMessage
	err := c.doJSON(ctx, request{method: http.MethodGet, path: "/images/" + name + "/history"}, &out)
	return out, err
}
