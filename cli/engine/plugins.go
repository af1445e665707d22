package engine

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"strconv"
)

// Plugin is the part of an engine plugin that `plugin ls` shows.
type Plugin struct {
	ID      string `json:"Id"`
	Name    string
	Enabled bool
	Config  struct{ Description string }
}

// PluginList calls GET /plugins.
func (c *Client) PluginList(ctx context.Context, f Filters) ([]Plugin, error) {
	q := url.Values{}
	f.encode(q)
	var out []Plugin
	err := c.doJSON(ctx, request{method: http.MethodGet, path: "/plugins", query: q}, &out)
	return out, err
}

// PluginInspect returns the daemon's JSON of one plugin.
func (c *Client) PluginInspect(ctx context.Context, name string) ([]byte, error) {
	return c.getRaw(ctx, "/plugins/"+name+"/json", nil)
}

// PluginCreate sends a tar of config.json and rootfs/ (POST /plugins/create).
func (c *Client) PluginCreate(ctx context.Context, name string, tar io.Reader) error {
	return c.doJSON(ctx, request{method: http.MethodPost, path: "/plugins/create", query: url.Values{"name": {name}},
		body: tar, headers: http.Header{"Content-Type": {"application/x-tar"}}}, nil)
}

// PluginEnable calls POST /plugins/{name}/enable.
func (c *Client) PluginEnable(ctx context.Context, name string, timeout int) error {
	q := url.Values{"timeout": {strconv.Itoa(timeout)}}
	return c.doJSON(ctx, request{method: http.MethodPost, path: "/plugins/" + name + "/enable", query: q}, nil)
}

// PluginDisable calls POST /plugins/{name}/disable.
func (c *Client) PluginDisable(ctx context.Context, name string, force bool) error {
	q := url.Values{}
	if force {
		q.Set("force", "1")
	}
	return c.doJSON(ctx, request{method: http.MethodPost, path: "/plugins/" + name + "/disable", query: q}, nil)
}

// PluginRemove calls DELETE /plugins/{name}.
func (c *Client) PluginRemove(ctx context.Context, name string, force bool) error {
	q := url.Values{}
	if force {
		q.Set("force", "1")
	}
	return c.doJSON(ctx, request{method: http.MethodDelete, path: "/plugins/" + name, query: q}, nil)
}

// PluginSet calls POST /plugins/{name}/set with KEY=VALUE settings.
func (c *Client) PluginSet(ctx context.Context, name string, args []string) error {
	return c.doJSON(ctx, request{method: http.MethodPost, path: "/plugins/" + name + "/set", json: args}, nil)
}
