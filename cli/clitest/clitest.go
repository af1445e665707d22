// Package clitest is the fake engine of command tests: a command runs
// against an in-process server that answers with canned replies keyed by
// "METHOD /path" (without the version prefix), or with handlers for
// streams and hijacked connections, and records every request with its
// query, body and headers so tests can assert what went on the wire.
package clitest

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
)

// Reply is a canned answer; Status 0 means 200, the Content-Type is
// application/json unless Header sets another.
type Reply struct {
	Status int
	Body   string
	Header map[string]string
}

// NotFound is the daemon's 404 with message.
func NotFound(message string) Reply {
	return Reply{Status: http.StatusNotFound, Body: `{"message":"` + message + `"}`}
}

// Request is what the fake engine received; Path has no version prefix,
// Version is that prefix ("1.41"), "" when there was none.
type Request struct {
	Method, Path, Query, Body string
	Version                   string
	Header                    http.Header
}

// Line is "METHOD /path[?query]".
func (r Request) Line() string {
	if r.Query == "" {
		return r.Method + " " + r.Path
	}
	return r.Method + " " + r.Path + "?" + r.Query
}

// Engine is the fake. A request that neither Replies nor Handlers answer
// fails the test.
type Engine struct {
	API     string // Api-Version of /_ping; 1.41 when empty
	Replies map[string]Reply
	// Handlers answer what a canned reply cannot: streams, hijacked
	// connections, replies that depend on the query. The request's body
	// has already been recorded but can still be read.
	Handlers map[string]http.HandlerFunc

	contacts atomic.Int32
	mu       sync.Mutex
	seen     []Request
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

// SortedLines is Lines sorted, for commands that fan out concurrently.
func (e *Engine) SortedLines() []string {
	l := e.Lines()
	sort.Strings(l)
	return l
}

// Contacts counts every request, /_ping included: zero proves a command
// never dialed.
func (e *Engine) Contacts() int { return int(e.contacts.Load()) }

// Serve starts a server for e, closed when the test ends, and returns its
// address for DOCKER_HOST or -H.
func (e *Engine) Serve(t testing.TB) string {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		e.contacts.Add(1)
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
		path, version := r.URL.Path, ""
		if strings.HasPrefix(path, "/v1.") {
			if i := strings.Index(path[1:], "/"); i > 0 {
				path, version = path[i+1:], path[2:i+1]
			}
		}
		body, _ := io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(body))
		e.mu.Lock()
		e.seen = append(e.seen, Request{Method: r.Method, Path: path, Query: r.URL.RawQuery, Body: string(body), Version: version, Header: r.Header.Clone()})
		e.mu.Unlock()
		key := r.Method + " " + path
		if h, ok := e.Handlers[key]; ok {
			h(w, r)
			return
		}
		rep, ok := e.Replies[key]
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
	t.Cleanup(srv.Close)
	return "tcp://" + srv.Listener.Addr().String()
}

// Terminal is the size of a simulated terminal (see cli.NewTerminalOut).
type Terminal struct{ Width, Height uint }

// Options are the less common inputs of a run.
type Options struct {
	Stdin  string
	Config string // config.json content
	Debug  bool
	// ConfigDir, when set, is used instead of a fresh directory, so that
	// several runs share what they store (manifest lists, trust data).
	ConfigDir string

	// Which streams are simulated terminals; nil (false) is a pipe.
	StdinTTY             bool
	StdoutTTY, StderrTTY *Terminal
	// Combined sends stderr to Result.Out too, to check how the streams
	// interleave as `2>&1` shows them.
	Combined bool
	// Context, when set, is the command's: cancelling it is Ctrl-C.
	Context context.Context
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

// ExitCode is the status the binary would exit with (see commands.Main).
func (r Result) ExitCode() int {
	var se *cli.StatusError
	switch {
	case r.RunErr == nil:
		return 0
	case errors.As(r.RunErr, &se) && se.Code != 0:
		return se.Code
	}
	return 1
}

// Run builds the command with build and runs it with args against e, as
// the root command would: streams like the process's (stdout buffered
// unless a terminal, stderr not), no "[flags]" in usage lines, errors
// returned rather than printed.
func Run(t testing.TB, e *Engine, o Options, build func(*cli.CLI) *cobra.Command, args ...string) Result {
	t.Helper()
	dir := o.ConfigDir
	if dir == "" {
		dir = t.TempDir()
	}
	if o.Config != "" {
		if err := os.WriteFile(filepath.Join(dir, "config.json"), []byte(o.Config), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	for _, k := range []string{"DOCKER_HOST", "DOCKER_CONTEXT", "DOCKER_API_VERSION", "DOCKER_DEFAULT_PLATFORM"} {
		t.Setenv(k, "")
	}
	var stdout, stderr bytes.Buffer
	errw := &stderr
	if o.Combined {
		errw = &stdout
	}
	s := cli.Streams{In: cli.NewIn(strings.NewReader(o.Stdin)), Out: cli.NewOut(&stdout), Err: cli.NewUnbufferedOut(errw)}
	if o.StdinTTY {
		s.In = cli.NewTerminalIn(strings.NewReader(o.Stdin))
	}
	if tt := o.StdoutTTY; tt != nil {
		s.Out = cli.NewTerminalOut(&stdout, tt.Width, tt.Height)
	}
	if tt := o.StderrTTY; tt != nil {
		s.Err = cli.NewTerminalOut(errw, tt.Width, tt.Height)
	}
	c := cli.New(s)
	c.Opts.Hosts = []string{e.Serve(t)}
	c.Opts.ConfigDir = dir
	c.Opts.Debug = o.Debug
	cmd := build(c)
	visit(cmd, func(cmd *cobra.Command) { cmd.DisableFlagsInUseLine = true })
	cli.InstallAPIGates(c, cmd)
	cmd.SetArgs(args)
	cmd.SetIn(c.In)
	cmd.SetOut(c.Out)
	cmd.SetErr(c.Err)
	cmd.SilenceErrors, cmd.SilenceUsage = true, true
	ctx := o.Context
	if ctx == nil {
		ctx = context.Background()
	}
	err := cmd.ExecuteContext(ctx)
	_ = c.Out.Flush()
	_ = c.Err.Flush()
	return Result{Out: stdout.String(), Err: stderr.String(), RunErr: err}
}

func visit(cmd *cobra.Command, f func(*cobra.Command)) {
	f(cmd)
	for _, sub := range cmd.Commands() {
		visit(sub, f)
	}
}
