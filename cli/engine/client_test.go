package engine

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// fakeDaemon serves on a unix socket and records request paths.
type fakeDaemon struct {
	t       *testing.T
	sock    string
	mu      sync.Mutex
	paths   []string
	api     string
	handler http.HandlerFunc
}

func newFakeDaemon(t *testing.T, api string, h http.HandlerFunc) *fakeDaemon {
	t.Helper()
	d := &fakeDaemon{t: t, api: api, handler: h, sock: filepath.Join(t.TempDir(), "d.sock")}
	l, err := net.Listen("unix", d.sock)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		d.mu.Lock()
		d.paths = append(d.paths, r.Method+" "+r.URL.Path)
		d.mu.Unlock()
		if r.URL.Path == "/_ping" {
			if d.api != "" {
				w.Header().Set("Api-Version", d.api)
			}
			w.WriteHeader(http.StatusOK)
			return
		}
		d.handler(w, r)
	}))
	srv.Listener = l
	srv.Start()
	t.Cleanup(srv.Close)
	return d
}

func (d *fakeDaemon) requests() []string {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]string(nil), d.paths...)
}

func okVersion(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.Write([]byte(`{"Version":"20.10","ApiVersion":"1.41"}`))
}

func TestNegotiation(t *testing.T) {
	cases := []struct {
		name, serverAPI, fixed, wantPath string
		wantPing                         bool
	}{
		{"older daemon lowers the version", "1.41", "", "/v1.41/version", true},
		{"newer daemon keeps ours", "1.99", "", "/v" + DefaultVersion + "/version", true},
		{"no header falls back to 1.24", "", "", "/v1.24/version", true},
		{"DOCKER_API_VERSION skips negotiation", "1.41", "1.40", "/v1.40/version", false},
		{"leading v is trimmed", "1.41", "v1.38", "/v1.38/version", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := newFakeDaemon(t, tc.serverAPI, okVersion)
			c, err := New(Options{Host: "unix://" + d.sock, APIVersion: tc.fixed})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := c.ServerVersion(context.Background()); err != nil {
				t.Fatal(err)
			}
			if _, err := c.ServerVersion(context.Background()); err != nil {
				t.Fatal(err)
			}
			got := d.requests()
			pings := 0
			for _, p := range got {
				if strings.HasSuffix(p, "/_ping") {
					pings++
				}
			}
			if tc.wantPing && pings != 1 || !tc.wantPing && pings != 0 {
				t.Fatalf("pings = %d in %v", pings, got)
			}
			if last := got[len(got)-1]; last != "GET "+tc.wantPath {
				t.Fatalf("last request %q, want GET %s", last, tc.wantPath)
			}
		})
	}
}

func TestDaemonErrors(t *testing.T) {
	cases := []struct {
		name     string
		status   int
		ctype    string
		body     string
		want     string
		notFound bool
	}{
		{"json message", 404, "application/json", `{"message":"No such container: x"}`, "Error response from daemon: No such container: x", true},
		{"plain text", 500, "text/plain", "boom\n", "Error response from daemon: boom", false},
		{"empty body", 404, "", "", "request returned 404 Not Found for API route and version http://SOCK/v1.41/version, check if the server supports the requested API version", true},
		// Only a body of exactly application/json is decoded, and strictly.
		{"json body sent as text", 500, "text/plain", `{"message":"x"}`, `Error response from daemon: {"message":"x"}`, false},
		{"json with charset", 500, "application/json; charset=utf-8", `{"message":"x"}`, `Error response from daemon: {"message":"x"}`, false},
		{"json without message", 500, "application/json", `{}`, "Error response from daemon: API returned a 500 (Internal Server Error) but provided no error-message", false},
		{"json null", 404, "application/json", `null`, "Error response from daemon: API returned a 404 (Not Found) but provided no error-message", true},
		{"json array", 500, "application/json", `[]`, "Error reading JSON: json: cannot unmarshal array into Go value of type types.ErrorResponse", false},
		{"json wrong type", 500, "application/json", `{"message":5}`, "Error reading JSON: json: cannot unmarshal number into Go struct field ErrorResponse.message of type string", false},
		{"json trailing text", 500, "application/json", `{"message":"a"} x`, "Error reading JSON: invalid character 'x' after top-level value", false},
		{"json blank", 500, "application/json", ` `, "Error reading JSON: unexpected end of JSON input", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := newFakeDaemon(t, "1.41", func(w http.ResponseWriter, r *http.Request) {
				if tc.ctype != "" {
					w.Header().Set("Content-Type", tc.ctype)
				}
				w.WriteHeader(tc.status)
				w.Write([]byte(tc.body))
			})
			c, _ := New(Options{Host: "unix://" + d.sock})
			_, err := c.ServerVersion(context.Background())
			// The socket path stands escaped in the URL, as the reference shows it.
			want := strings.ReplaceAll(tc.want, "SOCK", (&url.URL{Host: d.sock}).String()[2:])
			if err == nil || err.Error() != want {
				t.Fatalf("got %v, want %q", err, want)
			}
			if IsNotFound(err) != tc.notFound {
				t.Fatalf("IsNotFound = %v", IsNotFound(err))
			}
		})
	}
}

func TestUnreachableDaemon(t *testing.T) {
	for _, host := range []string{"unix:///nonexistent/docker.sock", "tcp://127.0.0.1:1"} {
		c, err := New(Options{Host: host})
		if err != nil {
			t.Fatal(err)
		}
		_, err = c.ServerVersion(context.Background())
		want := "Cannot connect to the Docker daemon at " + host + ". Is the docker daemon running?"
		if err == nil || err.Error() != want || !IsConnectionError(err) {
			t.Fatalf("%s: got %v", host, err)
		}
	}
}

// Only a refused or timed-out connection or an undialable socket reads
// "Cannot connect"; other failures are printed as they are, as with the
// reference.
func TestOtherTransportFailures(t *testing.T) {
	c, _ := New(Options{Host: "tcp://localhost:99999999999999999999"})
	_, err := c.ServerVersion(context.Background())
	want := `error during connect: Get "http://localhost:99999999999999999999/v1.50/version": dial tcp: address 99999999999999999999: invalid port`
	if err == nil || err.Error() != want || IsConnectionError(err) || !IsConnectionFailed(err) {
		t.Fatalf("got %v", err)
	}
	// A custom dialer (ssh) whose failure mentions a unix socket is still
	// no refused connection.
	c, _ = New(Options{Host: "ssh://h", Dial: func(context.Context) (net.Conn, error) {
		return nil, errors.New("command [ssh] has exited: stderr=dial unix /x.sock: connect: no such file or directory")
	}})
	if _, err = c.ServerVersion(context.Background()); err == nil || !strings.HasPrefix(err.Error(), "error during connect: ") {
		t.Fatalf("ssh: got %v", err)
	}
}

func TestVersionLess(t *testing.T) {
	cases := []struct {
		a, b string
		want bool
	}{
		{"1.41", "1.50", true}, {"1.9", "1.10", true}, {"1.50", "1.41", false}, {"1.41", "1.41", false},
	}
	for _, tc := range cases {
		if got := VersionLess(tc.a, tc.b); got != tc.want {
			t.Errorf("VersionLess(%s, %s) = %v", tc.a, tc.b, got)
		}
	}
}

// Names are sent as typed: the path is cleaned and escaped like the
// reference's, so "x?y" cannot inject a query and "a/../b" is cleaned.
func TestRequestPaths(t *testing.T) {
	var got []string
	d := newFakeDaemon(t, "1.41", func(w http.ResponseWriter, r *http.Request) {
		got = append(got, r.URL.EscapedPath()+"?"+r.URL.RawQuery)
		w.Write([]byte("[]"))
	})
	c, _ := New(Options{Host: "unix://" + d.sock})
	for _, name := range []string{"cx?force=1", "cx-a/", "a/../../containers/json", "with space"} {
		c.ImageRemove(context.Background(), name, ImageRemoveOptions{})
	}
	want := []string{
		"/v1.41/images/cx%3Fforce=1?",
		"/v1.41/images/cx-a?",
		"/v1.41/containers/json?",
		"/v1.41/images/with%20space?",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("paths:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// An empty name never reaches the daemon, where it would name another endpoint.
func TestEmptyNames(t *testing.T) {
	d := newFakeDaemon(t, "1.41", func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("unexpected request %s", r.URL.Path)
	})
	c, _ := New(Options{Host: "unix://" + d.sock})
	ctx := context.Background()
	for name, err := range map[string]error{
		"start":   c.ContainerStart(ctx, ""),
		"kill":    c.ContainerKill(ctx, "", ""),
		"inspect": func() error { _, _, err := c.ContainerInspect(ctx, "", false); return err }(),
		"commit":  func() error { _, err := c.ContainerCommit(ctx, CommitOptions{}); return err }(),
	} {
		if err == nil || err.Error() != "invalid container name or ID: value is empty" {
			t.Errorf("%s: %v", name, err)
		}
	}
	if _, err := c.ImageInspect(ctx, ""); err == nil || err.Error() != "Error: No such image: " || !IsNotFound(err) {
		t.Errorf("image inspect: %v", err)
	}
}

// The daemon's message is printed without surrounding space, as the reference does.
func TestDaemonMessageTrimmed(t *testing.T) {
	d := newFakeDaemon(t, "1.41", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(404)
		w.Write([]byte(`{"message":"no such container "}`))
	})
	c, _ := New(Options{Host: "unix://" + d.sock})
	if _, err := c.ServerVersion(context.Background()); err == nil || err.Error() != "Error response from daemon: no such container" {
		t.Fatalf("got %q", err)
	}
}
