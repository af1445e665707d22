// Package clitest runs a command against an in-process fake engine, for
// unit tests of commands: canned replies keyed by "METHOD /path" (without
// the version prefix), every request recorded with its query and body.
package clitest

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
)

// Reply is a canned answer; Status 0 means 200.
type Reply struct {
	Status int
	Body   string
	Header map[string]string
}

// Request is what the fake engine received.
type Request struct {
	Method, Path, Query, Body string
}

// Line is "METHOD /path[?query]".
func (r Request) Line() string {
	if r.Query == "" {
		return r.Method + " " + r.Path
	}
	return r.Method + " " + r.Path + "?" + r.Query
}

// Engine is the fake. A request without a reply fails the test.
type Engine struct {
	API     string // Api-Version of /_ping; 1.41 when empty
	Replies map[string]Reply

	mu   sync.Mutex
	seen []Request
}

// Requests returns what was received, /_ping excluded, in order.
func (e *Engine) Requests() []Request {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]Request(nil), e.seen...)
}

// Lines returns Request.Line of every request.
func (e *Engine) Lines() []string {
	var out []string
	for _, r := range e.Requests() {
		out = append(out, r.Line())
	}
	return out
}

func (e *Engine) serve(t testing.TB) *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		api := e.API
		if api == "" {
			api = "1.41"
		}
		w.Header().Set("Api-Version", api)
		w.Header().Set("Ostype", "linux")
		if r.URL.Path == "/_ping" {
			_, _ = w.Write([]byte("OK"))
			return
		}
		path := r.URL.Path
		if strings.HasPrefix(path, "/v1.") {
			if i := strings.Index(path[1:], "/"); i > 0 {
				path = path[i+1:]
			}
		}
		body, _ := io.ReadAll(r.Body)
		e.mu.Lock()
		e.seen = append(e.seen, Request{Method: r.Method, Path: path, Query: r.URL.RawQuery, Body: string(body)})
		e.mu.Unlock()
		rep, ok := e.Replies[r.Method+" "+path]
		if !ok {
			t.Errorf("unexpected request %s %s?%s", r.Method, path, r.URL.RawQuery)
			http.Error(w, `{"message":"unexpected"}`, http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		for k, v := range rep.Header {
			w.Header().Set(k, v)
		}
		if rep.Status != 0 {
			w.WriteHeader(rep.Status)
		}
		_, _ = w.Write([]byte(rep.Body))
	}))
}

// Options are the less common inputs of a run.
type Options struct {
	Stdin  string
	Config string // config.json content
	Debug  bool
}

// Result is what a run printed and returned.
type Result struct {
	Out, Err string
	RunErr   error
}

// ErrText is the error's text, "" for none.
func (r Result) ErrText() string {
	if r.RunErr == nil {
		return ""
	}
	return r.RunErr.Error()
}

// Run builds the command with build and runs it with args against e.
func Run(t testing.TB, e *Engine, o Options, build func(*cli.CLI) *cobra.Command, args ...string) Result {
	t.Helper()
	srv := e.serve(t)
	t.Cleanup(srv.Close)
	dir := t.TempDir()
	if o.Config != "" {
		if err := os.WriteFile(filepath.Join(dir, "config.json"), []byte(o.Config), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	for _, k := range []string{"DOCKER_HOST", "DOCKER_CONTEXT", "DOCKER_API_VERSION"} {
		t.Setenv(k, "")
	}
	var stdout, stderr bytes.Buffer
	c := cli.New(cli.Streams{In: cli.NewIn(strings.NewReader(o.Stdin)), Out: cli.NewOut(&stdout), Err: cli.NewOut(&stderr)})
	c.Opts.Hosts = []string{"tcp://" + srv.Listener.Addr().String()}
	c.Opts.ConfigDir = dir
	c.Opts.Debug = o.Debug
	cmd := build(c)
	cli.InstallAPIGates(c, cmd)
	cmd.SetArgs(args)
	cmd.SetOut(&stdout)
	cmd.SetErr(&stderr)
	cmd.SilenceErrors, cmd.SilenceUsage = true, true
	err := cmd.ExecuteContext(context.Background())
	_ = c.Out.Flush()
	_ = c.Err.Flush()
	return Result{Out: stdout.String(), Err: stderr.String(), RunErr: err}
}
