package engine

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"testing"
	"time"
)

// smallWrites serves data as the daemon serves a log: one flushed write per
// line, so the client sees a trickle of small chunks.
func smallWrites(data []byte, line int) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/vnd.docker.raw-stream")
		f := w.(http.Flusher)
		for i := 0; i < len(data); i += line {
			w.Write(data[i:min(i+line, len(data))])
			f.Flush()
		}
	}
}

func testData(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('a' + i%26 + i/4096%3)
	}
	return b
}

func TestStreamGetBody(t *testing.T) {
	big := testData(3<<20 + 12345) // past pacedAfter, so paced reads are exercised
	tests := []struct {
		name string
		tcp  bool
		data []byte
	}{
		{"unix small", false, []byte("hello\n")},
		{"unix empty", false, nil},
		{"unix 3 MiB in lines", false, big},
		{"tcp 3 MiB in lines", true, big},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := smallWrites(tt.data, 77)
			var host string
			if tt.tcp {
				srv := httptest.NewServer(h)
				t.Cleanup(srv.Close)
				host = "tcp://" + strings.TrimPrefix(srv.URL, "http://")
			} else {
				d := newFakeDaemon(t, "1.41", h)
				host = "unix://" + d.sock
			}
			c, err := New(Options{Host: host, APIVersion: "1.41", UserAgent: "ua-test"})
			if err != nil {
				t.Fatal(err)
			}
			body, err := c.streamGet(context.Background(), "/containers/x/logs", nil)
			if err != nil {
				t.Fatal(err)
			}
			defer body.Close()
			if sb, ok := body.(*streamBody); !ok {
				t.Fatalf("body is %T, want *streamBody", body)
			} else if _, paced := sb.s.(*pacedSocket); runtime.GOOS == "linux" && !paced {
				t.Fatalf("connection is %T, want it detached from the poller", sb.s)
			}
			got, err := io.ReadAll(body)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, tt.data) {
				t.Fatalf("got %d bytes, want %d (equal: %v)", len(got), len(tt.data), bytes.Equal(got, tt.data))
			}
		})
	}
}

func TestStreamGetRequest(t *testing.T) {
	var got *http.Request
	d := newFakeDaemon(t, "1.41", func(w http.ResponseWriter, r *http.Request) {
		got = r
		w.Write([]byte("ok"))
	})
	c, err := New(Options{Host: "unix://" + d.sock, UserAgent: "ua-test", Headers: map[string]string{"X-Extra": "1"}})
	if err != nil {
		t.Fatal(err)
	}
	body, err := c.streamGet(context.Background(), "/containers/x/logs", map[string][]string{"tail": {"all"}})
	if err != nil {
		t.Fatal(err)
	}
	io.ReadAll(body)
	body.Close()
	if reqs := d.requests(); len(reqs) != 2 || reqs[0] != "HEAD /_ping" || reqs[1] != "GET /v1.41/containers/x/logs" {
		t.Fatalf("requests = %q", reqs)
	}
	if got.URL.RawQuery != "tail=all" || got.Host != "api.moby.localhost" ||
		got.Header.Get("User-Agent") != "ua-test" || got.Header.Get("X-Extra") != "1" {
		t.Fatalf("request = %s %s host %s headers %v", got.Method, got.URL, got.Host, got.Header)
	}
}

func TestStreamGetError(t *testing.T) {
	d := newFakeDaemon(t, "1.41", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusNotFound)
		w.Write([]byte(`{"message":"No such container: x"}`))
	})
	c, _ := New(Options{Host: "unix://" + d.sock})
	_, err := c.streamGet(context.Background(), "/containers/x/logs", nil)
	if !IsNotFound(err) || err.Error() != "Error response from daemon: No such container: x" {
		t.Fatalf("err = %v", err)
	}
}

// A followed stream never ends: cancelling must wake a blocked read, and
// closing must not wait for the end.
func TestStreamGetCancelAndClose(t *testing.T) {
	for _, how := range []string{"cancel", "close"} {
		t.Run(how, func(t *testing.T) {
			release := make(chan struct{})
			d := newFakeDaemon(t, "1.41", func(w http.ResponseWriter, r *http.Request) {
				w.Write([]byte("first\n"))
				w.(http.Flusher).Flush()
				select {
				case <-r.Context().Done():
				case <-release:
				}
			})
			defer close(release)
			c, _ := New(Options{Host: "unix://" + d.sock, APIVersion: "1.41"})
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			body, err := c.streamGet(ctx, "/containers/x/logs", nil)
			if err != nil {
				t.Fatal(err)
			}
			buf := make([]byte, 64)
			if n, err := body.Read(buf); string(buf[:n]) != "first\n" || err != nil {
				t.Fatalf("first read = %q, %v", buf[:n], err)
			}
			if how == "close" {
				done := make(chan error, 1)
				go func() { done <- body.Close() }()
				select {
				case err := <-done:
					if err != nil {
						t.Fatal(err)
					}
				case <-time.After(5 * time.Second):
					t.Fatal("Close waited for the end of the stream")
				}
				return
			}
			defer body.Close()
			time.AfterFunc(50*time.Millisecond, cancel)
			done := make(chan error, 1)
			go func() { _, err := body.Read(buf); done <- err }()
			select {
			case err := <-done:
				if err == nil {
					t.Fatal("read after cancel returned no error")
				}
			case <-time.After(5 * time.Second):
				t.Fatal("cancel did not wake the blocked read")
			}
		})
	}
}

func TestStreamGetCancelledBeforeReply(t *testing.T) {
	d := newFakeDaemon(t, "1.41", func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() })
	c, _ := New(Options{Host: "unix://" + d.sock, APIVersion: "1.41"})
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	_, err := c.streamGet(ctx, "/containers/x/logs", nil)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want the context's", err)
	}
}

func TestPacer(t *testing.T) {
	t0 := time.Unix(1000, 0)
	tests := []struct {
		name  string
		total int64
		n     int           // bytes of the read being recorded
		dt    time.Duration // since the previous read
		want  time.Duration
	}{
		{"small reply: never waits", 1000, 8 << 10, time.Millisecond, 0},
		{"first MiB: never waits", pacedAfter - 9000, 8 << 10, time.Millisecond, 0},
		{"8 KiB per ms: 2 ms capped", pacedAfter, 8 << 10, time.Millisecond, pacedMaxPause},
		{"8 KiB per 250us: 500us", pacedAfter, 8 << 10, 250 * time.Microsecond, 500 * time.Microsecond},
		{"8 KiB per 200us: 400us", pacedAfter, 8 << 10, 200 * time.Microsecond, 400 * time.Microsecond},
		{"fast stream: no pause", pacedAfter, 64 << 10, 100 * time.Microsecond, 0},
		{"quiet follower: at most the cap", pacedAfter, 100, time.Second, pacedMaxPause},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := pacer{total: tt.total - int64(tt.n), lastEnd: t0}
			p.done(tt.n, t0.Add(tt.dt))
			if got := p.pause(); got != tt.want {
				t.Fatalf("pause = %v, want %v", got, tt.want)
			}
		})
	}
}
