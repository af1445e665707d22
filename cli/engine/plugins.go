package engine

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"strconv"
)

// Plugin is the part of an engine plugin that `plugin ls` and `upgrade` use.
type Plugin struct {
	ID              string `json:"Id"`
	Name            string
	Enabled         bool
	PluginReference string
	Config          struct{ Description string }
}

// PluginPrivilege is one permission a plugin asks for (network, mount, ...).
type PluginPrivilege struct {
	Name        string
	Description string
	Value       []string
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

// PluginGet decodes GET /plugins/{name}/json.
func (c *Client) PluginGet(ctx context.Context, name string) (Plugin, error) {
	var p Plugin
	err := c.doJSON(ctx, request{method: http.MethodGet, path: "/plugins/" + name + "/json"}, &p)
	return p, err
}

// PluginPrivileges asks what the plugin at remote needs before pulling it.
func (c *Client) PluginPrivileges(ctx context.Context, remote, auth string) ([]PluginPrivilege, error) {
	privileges := []PluginPrivilege{}
	err := c.doJSON(ctx, request{method: http.MethodGet, path: "/plugins/privileges",
		query: url.Values{"remote": {remote}}, headers: authHeader(auth)}, &privileges)
	return privileges, err
}

// PluginPull installs remote under name (the daemon picks one when empty),
// granting privileges. It returns the progress stream and the name the
// daemon gave the plugin (the Docker-Plugin-Name header).
func (c *Client) PluginPull(ctx context.Context, remote, name string, privileges []PluginPrivilege, auth string) (io.ReadCloser, string, error) {
	resp, err := c.do(ctx, request{method: http.MethodPost, path: "/plugins/pull",
		query: url.Values{"remote": {remote}, "name": {name}}, json: privileges, headers: authHeader(auth)})
	if err != nil {
		return nil, "", err
	}
	return resp.Body, resp.Header.Get("Docker-Plugin-Name"), nil
}

// PluginUpgrade replaces the disabled plugin name by remote; the caller
// renders the progress stream.
func (c *Client) PluginUpgrade(ctx context.Context, name, remote string, privileges []PluginPrivilege, auth string) (io.ReadCloser, error) {
	resp, err := c.do(ctx, request{method: http.MethodPost, path: "/plugins/" + name + "/upgrade",
		query: url.Values{"remote": {remote}}, json: privileges, headers: authHeader(auth)})
	if err != nil {
		return nil, err
	}
	return resp.Body, nil
}

// PluginPush sends a plugin to its registry; the caller renders the stream.
func (c *Client) PluginPush(ctx context.Context, name, auth string) (io.ReadCloser, error) {
	return c.stream(ctx, http.MethodPost, "/plugins/"+name+"/push", nil, auth)
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
