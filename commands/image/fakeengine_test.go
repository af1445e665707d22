package image

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

// request is what the fake engine saw, without the version prefix.
type request struct {
	Method, Path, Query, Auth, Body string
}

// fakeEngine answers /_ping itself and every other request with handle,
// recording each one.
type fakeEngine struct {
	mu   sync.Mutex
	reqs []request
}

func (f *fakeEngine) requests() []request {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]request(nil), f.reqs...)
}

type result struct {
	out, err string
	runErr   error
	engine   *fakeEngine
}

// run executes the command built by newCmd with args against a fake engine
// (handle answers API calls) and a config dir holding configJSON.
func run(t *testing.T, newCmd func(*cli.CLI) *cobra.Command, configJSON string, handle http.HandlerFunc, args ...string) result {
	t.Helper()
	var stdout, stderr bytes.Buffer
	r := runTo(t, newCmd, configJSON, handle, &stdout, &stderr, args...)
	r.out, r.err = stdout.String(), stderr.String()
	return r
}

// runTo is run writing stdout and stderr to the given writers, which may be
// one and the same to check how the two interleave.
func runTo(t *testing.T, newCmd func(*cli.CLI) *cobra.Command, configJSON string, handle http.HandlerFunc, stdout, stderr io.Writer, args ...string) result {
	t.Helper()
	fe := &fakeEngine{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/_ping") {
			w.Header().Set("Api-Version", "1.41")
			w.Write([]byte("OK"))
			return
		}
		var body bytes.Buffer
		body.ReadFrom(r.Body)
		fe.mu.Lock()
		fe.reqs = append(fe.reqs, request{Method: r.Method, Path: strings.TrimPrefix(r.URL.Path, "/v1.41"),
			Query: r.URL.RawQuery, Auth: r.Header.Get("X-Registry-Auth"), Body: body.String()})
		fe.mu.Unlock()
		if handle == nil {
			http.Error(w, `{"message":"unexpected request"}`, http.StatusInternalServerError)
			return
		}
		handle(w, r)
	}))
	t.Cleanup(srv.Close)

	dir := t.TempDir()
	if configJSON != "" {
		if err := os.WriteFile(filepath.Join(dir, "config.json"), []byte(configJSON), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	for _, k := range []string{"DOCKER_HOST", "DOCKER_CONTEXT", "DOCKER_API_VERSION", "DOCKER_DEFAULT_PLATFORM"} {
		t.Setenv(k, "")
	}
	c := cli.New(cli.Streams{In: cli.NewIn(strings.NewReader("")), Out: cli.NewOut(stdout), Err: cli.NewOut(stderr)})
	c.Opts.Hosts = []string{"tcp://" + srv.Listener.Addr().String()}
	c.Opts.ConfigDir = dir

	cmd := newCmd(c)
	cli.InstallAPIGates(c, cmd)
	cmd.SetArgs(args)
	cmd.SilenceErrors, cmd.SilenceUsage = true, true
	err := cmd.ExecuteContext(context.Background())
	c.Out.Flush()
	c.Err.Flush()
	return result{runErr: err, engine: fe}
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// reply answers every API call with status and body.
func reply(status int, body string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		w.Write([]byte(body))
	}
}
