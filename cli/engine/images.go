package engine

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
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
	Manifests   []ImageManifest `json:",omitempty"` // API 1.47+, with manifests=1
}

// ImageManifest summarizes one manifest of an image (images/json?manifests=1).
type ImageManifest struct {
	ID        string
	Available bool
	Kind      string // "image", "attestation" or "unknown"
	Size      struct{ Total, Content int64 }
	ImageData *struct {
		Platform struct {
			OS           string `json:"os"`
			Architecture string `json:"architecture"`
			Variant      string `json:"variant,omitempty"`
		}
		Containers []string
	} `json:",omitempty"`
}

// ImageListOptions are the query of GET /images/json.
type ImageListOptions struct {
	All       bool
	Filters   Filters
	Manifests bool // each image's manifests (API 1.47+)
}

// ImageList lists images.
func (c *Client) ImageList(ctx context.Context, o ImageListOptions) ([]Image, error) {
	q := url.Values{}
	if o.All {
		q.Set("all", "1")
	}
	o.Filters.encode(q)
	if o.Manifests {
		q.Set("manifests", "1")
	}
	return getList[Image](ctx, c, request{method: http.MethodGet, path: "/images/json", query: q})
}

// ImageInspect returns the raw JSON of an image.
func (c *Client) ImageInspect(ctx context.Context, name string) ([]byte, error) {
	return c.ImageInspectPlatform(ctx, name, "")
}

// ImageInspectPlatform is ImageInspect of one platform's variant
// ("os[/arch[/variant]]", API 1.49+); an empty platform is ImageInspect.
func (c *Client) ImageInspectPlatform(ctx context.Context, name, platform string) ([]byte, error) {
	if name == "" {
		return nil, objectNotFoundError{object: "image", id: name}
	}
	q, err := platformQuery(platform)
	if err != nil {
		return nil, err
	}
	return c.getRaw(ctx, "/images/"+name+"/json", q)
}

// platformQuery is the platform parameter as OCI platform JSON, nil for "".
func platformQuery(platform string) (url.Values, error) {
	if platform == "" {
		return nil, nil
	}
	p, err := platformJSON(platform)
	if err != nil {
		return nil, err
	}
	return url.Values{"platform": {p}}, nil
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
// platform ("os[/arch[/variant]]", API 1.46+) is sent as the OCI platform JSON.
func (c *Client) ImagePush(ctx context.Context, name, tag, platform, auth string) (io.ReadCloser, error) {
	q := url.Values{}
	if tag != "" {
		q.Set("tag", tag)
	}
	if platform != "" {
		p, err := platformJSON(platform)
		if err != nil {
			return nil, err
		}
		q.Set("platform", p)
	}
	return c.stream(ctx, http.MethodPost, "/images/"+name+"/push", q, auth)
}

// ImageImportOptions are the query of POST /images/create?fromSrc=...
type ImageImportOptions struct {
	Source   string // "-" to send Body, else a URL the daemon fetches
	Repo     string // "name[:tag]" as given; the daemon splits it
	Message  string
	Changes  []string // Dockerfile instructions
	Platform string
}

// ImageImport imports a tarball as an image; Body (with Source "-") is
// streamed. The caller renders the JSON progress stream.
func (c *Client) ImageImport(ctx context.Context, body io.Reader, o ImageImportOptions) (io.ReadCloser, error) {
	q := url.Values{"fromSrc": {o.Source}}
	if o.Repo != "" {
		q.Set("repo", o.Repo)
	}
	if o.Message != "" {
		q.Set("message", o.Message)
	}
	if o.Platform != "" {
		q.Set("platform", o.Platform)
	}
	for _, ch := range o.Changes {
		q.Add("changes", ch)
	}
	r := request{method: http.MethodPost, path: "/images/create", query: q}
	if o.Source == "-" {
		r.body = body
		r.headers = http.Header{"Content-Type": {"application/x-tar"}}
	}
	resp, err := c.do(ctx, r)
	if err != nil {
		return nil, err
	}
	return resp.Body, nil
}

// ImageSave streams a tar archive of the images (GET /images/get).
func (c *Client) ImageSave(ctx context.Context, names []string, platform string) (io.ReadCloser, error) {
	q := url.Values{"names": names}
	if platform != "" {
		p, err := platformJSON(platform)
		if err != nil {
			return nil, err
		}
		q.Set("platform", p)
	}
	resp, err := c.do(ctx, request{method: http.MethodGet, path: "/images/get", query: q})
	if err != nil {
		return nil, err
	}
	return resp.Body, nil
}

// ImageLoad sends a tar archive (POST /images/load); the reply is a JSON
// progress stream, without progress bars when quiet.
func (c *Client) ImageLoad(ctx context.Context, tar io.Reader, quiet bool, platform string) (io.ReadCloser, error) {
	q := url.Values{"quiet": {"0"}}
	if quiet {
		q.Set("quiet", "1")
	}
	if platform != "" {
		p, err := platformJSON(platform)
		if err != nil {
			return nil, err
		}
		q.Set("platform", p)
	}
	resp, err := c.do(ctx, request{method: http.MethodPost, path: "/images/load", query: q, body: tar,
		headers: http.Header{"Content-Type": {"application/x-tar"}}})
	if err != nil {
		return nil, err
	}
	return resp.Body, nil
}

func (c *Client) stream(ctx context.Context, method, path string, q url.Values, auth string) (io.ReadCloser, error) {
	return c.streamReply(ctx, request{method: method, path: path, query: q, headers: authHeader(auth)})
}

// authHeader carries registry credentials (X-Registry-Auth) when there are any.
func authHeader(auth string) http.Header {
	h := http.Header{}
	if auth != "" {
		h.Set("X-Registry-Auth", auth)
	}
	return h
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

// ImageRemoveOptions are the query of DELETE /images/{name}.
type ImageRemoveOptions struct {
	Force   bool
	NoPrune bool
	// Platforms ("os[/arch[/variant]]", API 1.50+) limit removal to those variants.
	Platforms []string
}

// ImageRemove removes an image.
func (c *Client) ImageRemove(ctx context.Context, name string, o ImageRemoveOptions) ([]DeleteItem, error) {
	q := url.Values{}
	if o.Force {
		q.Set("force", "1")
	}
	if o.NoPrune {
		q.Set("noprune", "1")
	}
	for _, p := range o.Platforms {
		j, err := platformJSON(p)
		if err != nil {
			return nil, err
		}
		q.Add("platforms", j)
	}
	var out []DeleteItem
	err := c.doJSON(ctx, request{method: http.MethodDelete, path: "/images/" + name, query: q}, &out)
	return out, err
}

// HistoryItem is one layer of GET /images/{name}/history.
type HistoryItem struct {
	ID        string `json:"Id"`
	Created   int64
	CreatedBy string
	Tags      []string
	Size      int64
	Comment   string
}

// ImageHistory returns the layers of an image, newest first.
// platform ("os[/arch[/variant]]", API 1.48+) selects one variant.
func (c *Client) ImageHistory(ctx context.Context, name, platform string) ([]HistoryItem, error) {
	q, err := platformQuery(platform)
	if err != nil {
		return nil, err
	}
	var out []HistoryItem
	err = c.doJSON(ctx, request{method: http.MethodGet, path: "/images/" + name + "/history", query: q}, &out)
	return out, err
}

// platformJSON encodes "os[/arch[/variant]]" as an OCI platform object.
func platformJSON(s string) (string, error) {
	parts := strings.Split(s, "/")
	if len(parts) > 3 || parts[0] == "" {
		return "", fmt.Errorf("%q: unknown operating system or architecture: invalid argument", s)
	}
	p := struct {
		Architecture string `json:"architecture,omitempty"`
		OS           string `json:"os"`
		Variant      string `json:"variant,omitempty"`
	}{OS: parts[0]}
	if len(parts) > 1 {
		p.Architecture = parts[1]
	}
	if len(parts) > 2 {
		p.Variant = parts[2]
	}
	b, err := json.Marshal(p)
	return string(b), err
}
