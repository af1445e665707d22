package engine

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
)

// ExecConfig is the body of POST /containers/{id}/exec.
type ExecConfig struct {
	User         string   `json:",omitempty"`
	Privileged   bool     `json:",omitempty"`
	Tty          bool     `json:",omitempty"`
	ConsoleSize  *[2]uint `json:",omitempty"`
	AttachStdin  bool     `json:",omitempty"`
	AttachStderr bool     `json:",omitempty"`
	AttachStdout bool     `json:",omitempty"`
	DetachKeys   string   `json:",omitempty"`
	Env          []string `json:",omitempty"`
	WorkingDir   string   `json:",omitempty"`
	Cmd          []string
}

// ExecCreate creates an exec instance and returns its ID.
func (c *Client) ExecCreate(ctx context.Context, container string, cfg ExecConfig) (string, error) {
	if err := checkContainerID(&container); err != nil {
		return "", err
	}
	var out struct {
		ID string `json:"Id"`
	}
	err := c.doJSON(ctx, request{method: http.MethodPost, path: "/containers/" + container + "/exec", json: cfg}, &out)
	return out.ID, err
}

// ExecStartConfig is the body of POST /exec/{id}/start.
type ExecStartConfig struct {
	Detach      bool
	Tty         bool
	ConsoleSize *[2]uint `json:",omitempty"`
}

// ExecStart starts an exec detached.
func (c *Client) ExecStart(ctx context.Context, id string, cfg ExecStartConfig) error {
	return c.doJSON(ctx, request{method: http.MethodPost, path: "/exec/" + id + "/start", json: cfg}, nil)
}

// ExecAttach starts an exec and hijacks its streams.
func (c *Client) ExecAttach(ctx context.Context, id string, cfg ExecStartConfig) (*Hijacked, error) {
	return c.hijack(ctx, "/exec/"+id+"/start", nil, cfg)
}

// ExecInspect returns the state of an exec instance.
type ExecInspect struct {
	ID       string `json:"ID"`
	Running  bool
	ExitCode int
	Pid      int
}

// ExecInspect inspects an exec instance.
func (c *Client) ExecInspect(ctx context.Context, id string) (ExecInspect, error) {
	var out ExecInspect
	err := c.doJSON(ctx, request{method: http.MethodGet, path: "/exec/" + id + "/json"}, &out)
	return out, err
}

// ExecResize sets the TTY size of an exec instance.
func (c *Client) ExecResize(ctx context.Context, id string, height, width uint) error {
	q := url.Values{"h": {strconv.Itoa(int(height))}, "w": {strconv.Itoa(int(width))}}
	return c.doJSON(ctx, request{method: http.MethodPost, path: "/exec/" + id + "/resize", query: q}, nil)
}
