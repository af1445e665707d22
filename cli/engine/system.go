package engine

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
)

// Ping is what /_ping tells about the daemon.
type Ping struct {
	APIVersion     string
	OSType         string
	Experimental   bool
	BuilderVersion string
	// LibpodVersion is set by Podman (Libpod-Api-Version), whose Docker API
	// differs in places.
	LibpodVersion string
}

// Ping sends HEAD /_ping (GET if HEAD is refused), unversioned.
func (c *Client) Ping(ctx context.Context) (Ping, error) {
	c.mu.Lock()
	if c.ping != nil {
		p := *c.ping
		c.mu.Unlock()
		return p, nil
	}
	c.mu.Unlock()
	resp, err := c.send(ctx, request{method: http.MethodHead, path: "/_ping"}, false)
	if err != nil {
		if IsConnectionFailed(err) {
			return Ping{}, err
		}
		resp, err = c.send(ctx, request{method: http.MethodGet, path: "/_ping"}, false)
		if err != nil && !IsStatus(err, http.StatusInternalServerError) {
			return Ping{}, err
		}
	}
	var p Ping
	if resp != nil {
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		p = Ping{
			APIVersion:     resp.Header.Get("Api-Version"),
			OSType:         resp.Header.Get("Ostype"),
			Experimental:   resp.Header.Get("Docker-Experimental") == "true",
			BuilderVersion: resp.Header.Get("Builder-Version"),
			LibpodVersion:  resp.Header.Get("Libpod-Api-Version"),
		}
	}
	c.mu.Lock()
	c.ping = &p
	c.mu.Unlock()
	return p, nil
}

// ComponentVersion is one entry of the server's Components.
type ComponentVersion struct {
	Name    string
	Version string
	Details map[string]string `json:",omitempty"`
}

// ServerVersion is the reply of GET /version.
type ServerVersion struct {
	Platform      struct{ Name string } `json:",omitempty"`
	Components    []ComponentVersion    `json:",omitempty"`
	Version       string
	APIVersion    string `json:"ApiVersion"`
	MinAPIVersion string `json:"MinAPIVersion,omitempty"`
	GitCommit     string
	GoVersion     string
	Os            string
	Arch          string
	KernelVersion string `json:",omitempty"`
	Experimental  bool   `json:",omitempty"`
	BuildTime     string `json:",omitempty"`
}

// ServerVersion calls GET /version.
func (c *Client) ServerVersion(ctx context.Context) (ServerVersion, error) {
	var v ServerVersion
	err := c.doJSON(ctx, request{method: http.MethodGet, path: "/version"}, &v)
	return v, err
}

// Info calls GET /info and returns the raw object.
func (c *Client) Info(ctx context.Context) (map[string]json.RawMessage, error) {
	var v map[string]json.RawMessage
	err := c.doJSON(ctx, request{method: http.MethodGet, path: "/info"}, &v)
	return v, err
}
