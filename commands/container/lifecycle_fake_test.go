package container

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
)

// lcReply is a canned answer of the fake engine.
type lcReply struct {
	status int
	body   string
	ctype  string
}

// lcEngine is a fake engine for the lifecycle commands: replies are keyed by
// "METHOD /path" (without the version prefix); anything else is a 500 that
// fails the test. Every request is recorded as "METHOD /path?query".
type lcEngine struct {
	api     string // Api-Version of /_ping; "1.41" when empty
	replies map[string]lcReply

	mu   sync.Mutex
	seen []string
}

func (e *lcEngine) requests() []string {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]string(nil), e.seen...)
}

// sortedRequests is for concurrent commands, whose order is not fixed.
func (e *lcEngine) sortedRequests() []string {
	r := e.requests()
	sort.Strings(r)
	return r
}

type lcResult struct {
	out, err string
	runErr   error
}

func (r lcResult) errText() string {
	if r.runErr == nil {
		return ""
	}
	return r.runErr.Error()
}

// lcRun runs the command newCmd builds against e, with configJSON as
// config.json when not empty.
func lcRun(t *testing.T, e *lcEngine, configJSON string, newCmd func(*cli.CLI) *cobra.Command, args ...string) lcResult {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/_ping") {
			api := e.api
			if api == "" {
				api = "1.41"
			}
			w.Header().Set("Api-Version", api)
			w.Write([]byte("OK"))
			return
		}
		path := r.URL.Path
		if i := strings.Index(path[1:], "/"); strings.HasPrefix(path, "/v1.") && i > 0 {
			path = path[i+1:]
		}
		key := r.Method + " " + path
		e.mu.Lock()
		rec := key
		if r.URL.RawQuery != "" {
			rec += "?" + r.URL.RawQuery
		}
		e.seen = append(e.seen, rec)
		e.mu.Unlock()
		rep, ok := e.replies[key]
		if !ok {
			t.Errorf("unexpected request %s", rec)
			http.Error(w, `{"message":"unexpected"}`, http.StatusInternalServerError)
			return
		}
		ctype := rep.ctype
		if ctype == "" {
			ctype = "application/json"
		}
		w.Header().Set("Content-Type", ctype)
		status := rep.status
		if status == 0 {
			status = http.StatusOK
		}
		w.WriteHeader(status)
		w.Write([]byte(rep.body))
	}))
	t.Cleanup(srv.Close)

	dir := t.TempDir()
	if configJSON != "" {
		if err := os.WriteFile(filepath.Join(dir, "config.json"), []byte(configJSON), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	for _, k := range []string{"DOCKER_HOST", "DOCKER_CONTEXT", "DOCKER_API_VERSION"} {
		t.Setenv(k, "")
	}
	var stdout, stderr bytes.Buffer
	c := cli.New(cli.Streams{In: cli.NewIn(strings.NewReader("")), Out: cli.NewOut(&stdout), Err: cli.NewOut(&stderr)})
	c.Opts.Hosts = []string{"tcp://" + srv.Listener.Addr().String()}
	c.Opts.ConfigDir = dir

	cmd := newCmd(c)
	cli.InstallAPIGates(c, cmd)
	cmd.SetArgs(args)
	cmd.SetOut(&stdout)
	cmd.SetErr(&stderr)
	cmd.SilenceErrors, cmd.SilenceUsage = true, true
	cmd.DisableFlagsInUseLine = true // as under the real root
	err := cmd.ExecuteContext(context.Background())
	c.Out.Flush()
	c.Err.Flush()
	return lcResult{out: stdout.String(), err: stderr.String(), runErr: err}
}

// lcNotFound is the daemon's 404 for a container.
func lcNotFound(name string) lcReply {
	return lcReply{status: http.StatusNotFound, body: `{"message":"No such container: ` + name + `"}`}
}
