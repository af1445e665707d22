package engine

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"
)

// TestContainerCommitBody: the reference's request has no body; engines that
// refuse that get it again with "{}", everything else untouched.
func TestContainerCommitBody(t *testing.T) {
	cases := []struct {
		name       string
		status     int    // the refusal of an empty body; 0: accepted
		message    string // its message
		always     bool   // refused with a body too
		wantBodies []string
	}{
		{"docker accepts no body", 0, "", false, []string{""}},
		{"podman", 500, "Decode(): EOF", false, []string{"", "{}"}},
		{"docker 23.0.6", 400, "invalid JSON: got EOF while reading request body", false, []string{"", "{}"}},
		{"other errors are not retried", 500, "Error processing tar file(exit status 1): unexpected EOF", true, []string{""}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var mu sync.Mutex
			var bodies, types, queries []string
			d := newFakeDaemon(t, "1.41", func(w http.ResponseWriter, r *http.Request) {
				b, _ := io.ReadAll(r.Body)
				mu.Lock()
				bodies = append(bodies, string(b))
				types = append(types, r.Header.Get("Content-Type"))
				queries = append(queries, r.URL.RawQuery)
				mu.Unlock()
				w.Header().Set("Content-Type", "application/json")
				if tc.status != 0 && (len(b) == 0 || tc.always) {
					w.WriteHeader(tc.status)
					fmt.Fprintf(w, `{"message":%q}`, tc.message)
					return
				}
				w.WriteHeader(http.StatusCreated)
				fmt.Fprint(w, `{"Id":"sha256:abc"}`)
			})
			c, _ := New(Options{Host: "unix://" + d.sock})
			id, err := c.ContainerCommit(context.Background(), CommitOptions{Container: "c1", Repo: "docker.io/library/x", Tag: "1", Changes: []string{"ENV A=1"}})
			if len(bodies) != len(tc.wantBodies) {
				t.Fatalf("bodies %q, want %q", bodies, tc.wantBodies)
			}
			for i, b := range bodies {
				wantType := ""
				if b != "" {
					wantType = "application/json"
				}
				if b != tc.wantBodies[i] || types[i] != wantType || queries[i] != queries[0] {
					t.Errorf("request %d: body %q type %q query %q", i, b, types[i], queries[i])
				}
			}
			if want := "author=&changes=ENV+A%3D1&comment=&container=c1&repo=docker.io%2Flibrary%2Fx&tag=1"; queries[0] != want {
				t.Errorf("query %s, want %s", queries[0], want)
			}
			if !tc.always {
				if err != nil || id != "sha256:abc" {
					t.Errorf("got %q, %v", id, err)
				}
			} else if err == nil || err.Error() != "Error response from daemon: "+tc.message {
				t.Errorf("error %v", err)
			}
		})
	}
}

// TestContainerWaitOldEngines: before API 1.30 the daemon answers /wait only
// when the container stops, headers included; ContainerWait must not block
// on them (run attaches and starts after it).
func TestContainerWaitOldEngines(t *testing.T) {
	for _, api := range []string{"1.29", "1.24"} {
		t.Run(api, func(t *testing.T) {
			stop := make(chan struct{})
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Query().Has("condition") {
					t.Errorf("condition sent to API %s: %s", api, r.URL)
				}
				<-stop
				fmt.Fprint(w, `{"StatusCode":7}`)
			}))
			defer srv.Close()
			c, _ := New(Options{Host: "tcp://" + srv.Listener.Addr().String(), APIVersion: api})
			start := time.Now()
			result, err := c.ContainerWait(context.Background(), "c1", "")
			if err != nil {
				t.Fatal(err)
			}
			if d := time.Since(start); d > time.Second {
				t.Fatalf("ContainerWait blocked %s", d)
			}
			close(stop)
			if r, err := result(); err != nil || r.StatusCode != 7 {
				t.Errorf("result %+v, %v", r, err)
			}
		})
	}
}
