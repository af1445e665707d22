package engine

// A daemon that misbehaves (or a stranger on the socket) must not make the
// client follow it elsewhere, read without end, or hang: every test here
// runs against such a daemon and is bounded in time.

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/dockerclone/docker/cli/clitest/deadline"
)

func TestRedirectsAreNeverFollowed(t *testing.T) {
	for _, code := range []int{301, 302, 303, 307, 308} {
		t.Run(fmt.Sprint(code), func(t *testing.T) {
			var followed atomic.Int32
			d := newFakeDaemon(t, "1.41", func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path == "/v1.41/elsewhere" {
					followed.Add(1)
					okVersion(w, r)
					return
				}
				w.Header().Set("Location", "/v1.41/elsewhere")
				w.WriteHeader(code)
			})
			c, _ := New(Options{Host: "unix://" + d.sock})
			ctx := context.Background()
			deadline.Within(t, 10*time.Second, func() {
				// A GET gets the redirect reply itself, whose empty body
				// does not decode, as with the reference.
				if _, err := c.ServerVersion(ctx); err == nil || err.Error() != "EOF" {
					t.Errorf("GET: %v", err)
				}
				want := `error during connect: Post "/v1.41/elsewhere": unexpected redirect in response`
				if err := c.ContainerKill(ctx, "x", ""); err == nil || err.Error() != want {
					t.Errorf("POST: %v, want %q", err, want)
				}
				// X-Registry-Auth goes nowhere else either.
				if _, err := c.ImagePull(ctx, "busybox", "latest", "", "c2VjcmV0"); err == nil || err.Error() != want {
					t.Errorf("pull: %v, want %q", err, want)
				}
				if _, err := c.ContainerAttach(ctx, "x", AttachOptions{Stream: true, Stdout: true}); err == nil ||
					err.Error() != fmt.Sprintf("unable to upgrade to tcp, received %d", code) {
					t.Errorf("attach: %v", err)
				}
				logs, err := c.ContainerLogs(ctx, "x", LogsOptions{})
				if err != nil {
					t.Errorf("logs: %v", err)
				} else {
					b, _ := io.ReadAll(logs)
					logs.Close()
					if len(b) != 0 {
						t.Errorf("logs: %q", b)
					}
				}
			})
			if n := followed.Load(); n != 0 {
				t.Fatalf("redirect followed %d times", n)
			}
		})
	}
}

// endless is a body that never ends.
type endless struct{}

func (endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'A'
	}
	return len(p), nil
}

func TestHugeErrorBodies(t *testing.T) {
	cases := []struct {
		name string
		body func(w io.Writer)
	}{
		{"10 MB", func(w io.Writer) { io.CopyN(w, endless{}, 10<<20) }},
		{"exactly 1 MiB", func(w io.Writer) { io.CopyN(w, endless{}, maxErrorBody) }},
		{"never ends", func(w io.Writer) { io.Copy(w, endless{}) }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := newFakeDaemon(t, "1.41", func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "text/plain")
				w.WriteHeader(500)
				tc.body(w)
			})
			c, _ := New(Options{Host: "unix://" + d.sock})
			want := "request returned 500 Internal Server Error with a message (> 1048576 bytes) for API route and version " +
				sockURL(d.sock) + "/v1.41/containers/x, check if the server supports the requested API version"
			deadline.Within(t, 10*time.Second, func() {
				err := c.ContainerRemove(context.Background(), "x", RemoveOptions{})
				if err == nil || err.Error() != want {
					t.Errorf("got %.300v\nwant %s", err, want)
				}
				// The logs stream reads its error the same way.
				if _, err := c.ContainerLogs(context.Background(), "x", LogsOptions{}); err == nil || len(err.Error()) > 300 {
					t.Errorf("logs: %.300v", err)
				}
			})
		})
	}
	t.Run("just under 1 MiB is printed", func(t *testing.T) {
		d := newFakeDaemon(t, "1.41", func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(500)
			io.CopyN(w, endless{}, maxErrorBody-1)
		})
		c, _ := New(Options{Host: "unix://" + d.sock})
		err := c.ContainerRemove(context.Background(), "x", RemoveOptions{})
		if err == nil || len(err.Error()) != len("Error response from daemon: ")+maxErrorBody-1 {
			t.Fatalf("got %d bytes", len(err.Error()))
		}
	})
}

// sockURL is a socket path as the reference shows it in messages.
func sockURL(sock string) string { return "http://" + strings.ReplaceAll(sock, "/", "%2F") }

// rawDaemon answers every connection with whatever reply writes.
func rawDaemon(t *testing.T, reply func(conn net.Conn, req *http.Request)) string {
	t.Helper()
	sock := filepath.Join(t.TempDir(), "raw.sock")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	go func() {
		for {
			conn, err := l.Accept()
			if err != nil {
				return
			}
			go func() {
				defer conn.Close()
				br := bufio.NewReader(conn)
				for {
					req, err := http.ReadRequest(br)
					if err != nil {
						return
					}
					io.Copy(io.Discard, req.Body)
					if req.URL.Path == "/_ping" {
						io.WriteString(conn, "HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nContent-Length: 0\r\n\r\n")
						continue
					}
					reply(conn, req)
					return
				}
			}()
		}
	}()
	return "unix://" + sock
}

func TestEndlessHeaders(t *testing.T) {
	host := rawDaemon(t, func(conn net.Conn, req *http.Request) {
		io.WriteString(conn, "HTTP/1.1 200 OK\r\n")
		line := "X-Junk: " + strings.Repeat("j", 4000) + "\r\n"
		for {
			if _, err := io.WriteString(conn, line); err != nil {
				return
			}
		}
	})
	c, _ := New(Options{Host: host})
	ctx := context.Background()
	deadline.Within(t, 20*time.Second, func() {
		if _, err := c.ServerVersion(ctx); err == nil || !strings.Contains(err.Error(), "exceeded") {
			t.Errorf("version: %v", err)
		}
		if _, err := c.ContainerAttach(ctx, "x", AttachOptions{Stream: true}); err == nil || !strings.Contains(err.Error(), "exceeded") {
			t.Errorf("attach: %v", err)
		}
		if _, err := c.ContainerLogs(ctx, "x", LogsOptions{}); err == nil || !strings.Contains(err.Error(), "exceeded") {
			t.Errorf("logs: %v", err)
		}
	})
}

// A version the client cannot read is not echoed back into every path.
func TestJunkAPIVersionIsIgnored(t *testing.T) {
	var paths []string
	d := newFakeDaemon(t, strings.Repeat("x", 100<<10), func(w http.ResponseWriter, r *http.Request) {
		paths = append(paths, r.URL.Path)
		okVersion(w, r)
	})
	c, _ := New(Options{Host: "unix://" + d.sock})
	if _, err := c.ServerVersion(context.Background()); err != nil {
		t.Fatal(err)
	}
	if v := c.ClientVersion(); v != "1.24" || len(paths) != 1 || paths[0] != "/v1.24/version" {
		t.Fatalf("version %.40q, paths %.80q", v, paths)
	}
}

func TestPermissionDenied(t *testing.T) {
	denied := func(ctx context.Context) (net.Conn, error) {
		return nil, &net.OpError{Op: "dial", Net: "unix", Addr: &net.UnixAddr{Name: "/run/d.sock", Net: "unix"},
			Err: os.NewSyscallError("connect", syscall.EACCES)}
	}
	c, _ := New(Options{Host: "unix:///run/d.sock", Dial: denied})
	_, err := c.ServerVersion(context.Background())
	want := `permission denied while trying to connect to the Docker daemon socket at unix:///run/d.sock: ` +
		`Get "http://%2Frun%2Fd.sock/v1.50/version": dial unix /run/d.sock: connect: permission denied`
	if err == nil || err.Error() != want || !IsConnectionFailed(err) {
		t.Fatalf("got  %v\nwant %s", err, want)
	}
}

// The daemon dying while a wait is pending is reported bare.
func TestWaitCutShort(t *testing.T) {
	host := rawDaemon(t, func(conn net.Conn, req *http.Request) {
		io.WriteString(conn, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
	})
	c, _ := New(Options{Host: host})
	wait, err := c.ContainerWait(context.Background(), "x", "next-exit")
	if err != nil {
		t.Fatal(err)
	}
	deadline.Within(t, 10*time.Second, func() {
		if _, err := wait(); !errors.Is(err, io.ErrUnexpectedEOF) || err.Error() != "unexpected EOF" {
			t.Errorf("got %v", err)
		}
	})
}

// tcp hosts go through HTTP_PROXY/HTTPS_PROXY unless NO_PROXY names them,
// as with the reference. The environment is read once per process, so each
// case runs in a child process.
func TestProxyFromEnvironment(t *testing.T) {
	if os.Getenv("ENGINE_PROXY_CHILD") != "" {
		c, _ := New(Options{Host: "tcp://docker.test:2375"})
		_, err := c.ServerVersion(context.Background())
		fmt.Printf("result: %v\n", err)
		return
	}
	var seen atomic.Value
	seen.Store("")
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		seen.Store(seen.Load().(string) + r.Method + " " + r.URL.String() + "\n")
		if r.URL.Path == "/_ping" {
			w.Header().Set("Api-Version", "1.41")
			return
		}
		okVersion(w, r)
	}))
	t.Cleanup(proxy.Close)
	cases := []struct {
		env     []string
		proxied bool
	}{
		{[]string{"HTTP_PROXY=" + proxy.URL}, true},
		{[]string{"http_proxy=" + proxy.URL}, true},
		{[]string{"HTTP_PROXY=" + proxy.URL, "NO_PROXY=docker.test"}, false},
		{[]string{"HTTPS_PROXY=" + proxy.URL}, false}, // plain http to the daemon
	}
	for _, tc := range cases {
		seen.Store("")
		cmd := exec.Command(os.Args[0], "-test.run=^TestProxyFromEnvironment$", "-test.v")
		cmd.Env = append(os.Environ(), append(tc.env, "ENGINE_PROXY_CHILD=1")...)
		out, _ := cmd.CombinedOutput()
		got := seen.Load().(string)
		switch {
		case tc.proxied && (!strings.Contains(string(out), "result: <nil>") ||
			!strings.Contains(got, "GET http://docker.test:2375/v1.41/version")):
			t.Errorf("%v: proxy saw %q; child said %s", tc.env, got, out)
		case !tc.proxied && got != "":
			t.Errorf("%v: proxied %q", tc.env, got)
		}
	}
}
