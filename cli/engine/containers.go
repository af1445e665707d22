package engine

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// Port is one entry of a listed container's ports.
type Port struct {
	IP          string `json:",omitempty"`
	PrivatePort uint16
	PublicPort  uint16 `json:",omitempty"`
	Type        string
}

// Container is one entry of GET /containers/json.
type Container struct {
	ID              string `json:"Id"`
	Names           []string
	Image           string
	ImageID         string
	Command         string
	Created         int64
	Ports           []Port
	SizeRw          int64 `json:",omitempty"`
	SizeRootFs      int64 `json:",omitempty"`
	Labels          map[string]string
	State           string
	Status          string
	HostConfig      struct{ NetworkMode string }
	NetworkSettings *struct {
		Networks map[string]skipped // only the names are shown
	}
	Mounts []MountPoint
	// ImageManifestDescriptor is sent from API 1.48 on.
	ImageManifestDescriptor *struct {
		Platform *Platform `json:"platform,omitempty"`
	} `json:",omitempty"`
}

// skipped is a JSON value that is read past and not kept: where only the
// keys of an object are used, its values cost neither a copy nor decoding.
type skipped struct{}

func (*skipped) UnmarshalJSON([]byte) error { return nil }

// Platform is an OCI platform (field order and names as the OCI spec's).
type Platform struct {
	Architecture string   `json:"architecture"`
	OS           string   `json:"os"`
	OSVersion    string   `json:"os.version,omitempty"`
	OSFeatures   []string `json:"os.features,omitempty"`
	Variant      string   `json:"variant,omitempty"`
}

// ListOptions are the query of GET /containers/json.
type ListOptions struct {
	All     bool
	Limit   int
	Size    bool
	Filters Filters
}

// ContainerList lists containers.
func (c *Client) ContainerList(ctx context.Context, o ListOptions) ([]Container, error) {
	q := url.Values{}
	if o.All {
		q.Set("all", "1")
	}
	if o.Limit > 0 {
		q.Set("limit", strconv.Itoa(o.Limit))
	}
	if o.Size {
		q.Set("size", "1")
	}
	o.Filters.encode(q)
	resp, err := c.do(ctx, request{method: http.MethodGet, path: "/containers/json", query: q})
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return decodeContainers(resp.Body)
}

// ContainerState is the State object of an inspected container.
type ContainerState struct {
	Status     string
	Running    bool
	Paused     bool
	Restarting bool
	ExitCode   int
	Pid        int
	Error      string
	StartedAt  string
	FinishedAt string
}

// ContainerJSON is the typed part of GET /containers/{id}/json that commands
// read (inspect prints the raw JSON).
type ContainerJSON struct {
	ID         string `json:"Id"`
	Name       string
	Image      string
	State      *ContainerState
	Config     *Config
	HostConfig *HostConfig
}

// ContainerInspect returns the typed view and the raw JSON of a container.
func (c *Client) ContainerInspect(ctx context.Context, id string, size bool) (ContainerJSON, []byte, error) {
	if err := checkContainerID(&id); err != nil {
		return ContainerJSON{}, nil, err
	}
	q := url.Values{}
	if size {
		q.Set("size", "1")
	}
	var v ContainerJSON
	raw, err := c.getRaw(ctx, "/containers/"+id+"/json", q)
	if err != nil {
		return v, nil, err
	}
	err = json.Unmarshal(raw, &v)
	return v, raw, err
}

// getRaw fetches a JSON document as bytes (inspect keeps the daemon's field order).
func (c *Client) getRaw(ctx context.Context, path string, q url.Values) ([]byte, error) {
	resp, err := c.do(ctx, request{method: http.MethodGet, path: path, query: q})
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// ContainerStart starts a container.
func (c *Client) ContainerStart(ctx context.Context, id string) error {
	if err := checkContainerID(&id); err != nil {
		return err
	}
	return c.doJSON(ctx, request{method: http.MethodPost, path: "/containers/" + id + "/start"}, nil)
}

// ContainerStop stops a container; timeout nil leaves the daemon's default.
func (c *Client) ContainerStop(ctx context.Context, id string, timeout *int, signal string) error {
	return c.stopOrRestart(ctx, id, "stop", timeout, signal)
}

// ContainerRestart restarts a container.
func (c *Client) ContainerRestart(ctx context.Context, id string, timeout *int, signal string) error {
	return c.stopOrRestart(ctx, id, "restart", timeout, signal)
}

// stopOrRestart posts /containers/{id}/{action} with the timeout and, from
// API 1.42, the signal.
func (c *Client) stopOrRestart(ctx context.Context, id, action string, timeout *int, signal string) error {
	if err := checkContainerID(&id); err != nil {
		return err
	}
	q := url.Values{}
	if timeout != nil {
		q.Set("t", strconv.Itoa(*timeout))
	}
	if signal != "" && !versionLess(c.APIVersion(ctx), "1.42") {
		q.Set("signal", signal)
	}
	return c.doJSON(ctx, request{method: http.MethodPost, path: "/containers/" + id + "/" + action, query: q}, nil)
}

// ContainerKill sends a signal (the daemon's default SIGKILL when empty).
func (c *Client) ContainerKill(ctx context.Context, id, signal string) error {
	if err := checkContainerID(&id); err != nil {
		return err
	}
	q := url.Values{}
	if signal != "" {
		q.Set("signal", signal)
	}
	return c.doJSON(ctx, request{method: http.MethodPost, path: "/containers/" + id + "/kill", query: q}, nil)
}

// RemoveOptions are the query of DELETE /containers/{id}.
type RemoveOptions struct {
	Force, Volumes, Link bool
}

// ContainerRemove removes a container.
func (c *Client) ContainerRemove(ctx context.Context, id string, o RemoveOptions) error {
	q := url.Values{}
	if o.Force {
		q.Set("force", "1")
	}
	if o.Volumes {
		q.Set("v", "1")
	}
	if o.Link {
		q.Set("link", "1")
	}
	return c.doJSON(ctx, request{method: http.MethodDelete, path: "/containers/" + id, query: q}, nil)
}

// ContainerPause and ContainerUnpause freeze and thaw a container.
func (c *Client) ContainerPause(ctx context.Context, id string) error {
	if err := checkContainerID(&id); err != nil {
		return err
	}
	return c.doJSON(ctx, request{method: http.MethodPost, path: "/containers/" + id + "/pause"}, nil)
}

func (c *Client) ContainerUnpause(ctx context.Context, id string) error {
	if err := checkContainerID(&id); err != nil {
		return err
	}
	return c.doJSON(ctx, request{method: http.MethodPost, path: "/containers/" + id + "/unpause"}, nil)
}

// ContainerRename renames a container.
func (c *Client) ContainerRename(ctx context.Context, id, name string) error {
	if err := checkContainerID(&id); err != nil {
		return err
	}
	q := url.Values{"name": {name}}
	return c.doJSON(ctx, request{method: http.MethodPost, path: "/containers/" + id + "/rename", query: q}, nil)
}

// ContainerResize sets the TTY size of a container.
func (c *Client) ContainerResize(ctx context.Context, id string, height, width uint) error {
	if err := checkContainerID(&id); err != nil {
		return err
	}
	q := url.Values{"h": {strconv.Itoa(int(height))}, "w": {strconv.Itoa(int(width))}}
	return c.doJSON(ctx, request{method: http.MethodPost, path: "/containers/" + id + "/resize", query: q}, nil)
}

// WaitResult is the body of POST /containers/{id}/wait.
type WaitResult struct {
	StatusCode int
	Error      *struct{ Message string }
}

// ContainerWait registers a wait with the daemon and returns once the daemon
// has accepted it (so a start that follows cannot be missed); result blocks
// until the condition is met. Engines before API 1.30 know no condition and
// send nothing, not even the headers, until the container stops: there the
// request goes out in the background and ContainerWait returns at once.
func (c *Client) ContainerWait(ctx context.Context, id, condition string) (result func() (WaitResult, error), err error) {
	if err := checkContainerID(&id); err != nil {
		return nil, err
	}
	q := url.Values{}
	if condition != "" {
		q.Set("condition", condition)
	}
	r := request{method: http.MethodPost, path: "/containers/" + id + "/wait", query: q}
	if versionLess(c.APIVersion(ctx), "1.30") {
		type reply struct {
			resp *http.Response
			err  error
		}
		ch := make(chan reply, 1)
		go func() {
			resp, err := c.do(ctx, r)
			ch <- reply{resp, err}
		}()
		return func() (WaitResult, error) {
			rep := <-ch
			if rep.err != nil {
				return WaitResult{}, rep.err
			}
			return c.decodeWait(rep.resp)
		}, nil
	}
	resp, err := c.do(ctx, r)
	if err != nil {
		return nil, err
	}
	return func() (WaitResult, error) { return c.decodeWait(resp) }, nil
}

func (c *Client) decodeWait(resp *http.Response) (WaitResult, error) {
	defer resp.Body.Close()
	var r WaitResult
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		return r, err // bare, as the reference reports it ("unexpected EOF")
	}
	return r, nil
}

// LogsOptions are the query of GET /containers/{id}/logs.
type LogsOptions struct {
	Follow, Timestamps, Details bool
	Tail, Since, Until          string
}

// ContainerLogs streams a container's logs on a connection of its own (see
// streamGet); the caller demultiplexes unless TTY and closes the body.
func (c *Client) ContainerLogs(ctx context.Context, id string, o LogsOptions) (io.ReadCloser, error) {
	if err := checkContainerID(&id); err != nil {
		return nil, err
	}
	return c.streamGet(ctx, "/containers/"+id+"/logs", o.query())
}

// query encodes the options for a logs endpoint (containers, services, tasks).
func (o LogsOptions) query() url.Values {
	q := url.Values{"stdout": {"1"}, "stderr": {"1"}}
	if o.Follow {
		q.Set("follow", "1")
	}
	if o.Timestamps {
		q.Set("timestamps", "1")
	}
	if o.Details {
		q.Set("details", "1")
	}
	if o.Since != "" {
		q.Set("since", o.Since)
	}
	if o.Until != "" {
		q.Set("until", o.Until)
	}
	tail := o.Tail
	if tail == "" {
		tail = "all"
	}
	q.Set("tail", tail)
	return q
}

// CommitOptions are the query of POST /commit.
type CommitOptions struct {
	Container, Repo, Tag, Comment, Author string
	Changes                               []string
	NoPause                               bool
}

// ContainerCommit creates an image from a container and returns its ID.
//
// The request carries no body, like the reference's. Engines that insist on
// one refuse it before doing anything (Podman: "Decode(): EOF"; Docker 23.0.6
// and 24.0.0, moby#45543: "invalid JSON: got EOF while reading request
// body"): those get the same request again with an empty config, "{}".
func (c *Client) ContainerCommit(ctx context.Context, o CommitOptions) (string, error) {
	if err := checkContainerID(&o.Container); err != nil {
		return "", err
	}
	// The reference sends these four even when empty.
	q := url.Values{"container": {o.Container}, "repo": {o.Repo}, "tag": {o.Tag},
		"comment": {o.Comment}, "author": {o.Author}}
	for _, ch := range o.Changes {
		q.Add("changes", ch)
	}
	if o.NoPause {
		q.Set("pause", "0")
	}
	var out struct {
		ID string `json:"Id"`
	}
	r := request{method: http.MethodPost, path: "/commit", query: q}
	err := c.doJSON(ctx, r, &out)
	if bodyRequired(err) {
		r.json = struct{}{}
		err = c.doJSON(ctx, r, &out)
	}
	return out.ID, err
}

// bodyRequired reports whether the daemon refused a request for its missing body.
func bodyRequired(err error) bool {
	var e *APIError
	return errors.As(err, &e) && (e.StatusCode == http.StatusBadRequest || e.StatusCode == http.StatusInternalServerError) &&
		(e.Message == "Decode(): EOF" || strings.HasSuffix(e.Message, "got EOF while reading request body"))
}
