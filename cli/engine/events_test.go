package engine

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"runtime"
	"testing"
	"time"
)

const dieEvent = `{"status":"die","id":"c1","from":"busybox","Type":"container","Action":"die",` +
	`"Actor":{"ID":"c1","Attributes":{"exitCode":"3","image":"busybox","name":"n1"}},"scope":"local","time":1700000000,"timeNano":1700000000000000001}`

func TestEventsQueryAndDecoding(t *testing.T) {
	var query string
	d := newFakeDaemon(t, "1.41", func(w http.ResponseWriter, r *http.Request) {
		query = r.URL.RawQuery
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusOK)
		w.(http.Flusher).Flush()
		// One event split across writes, two in one write.
		fmt.Fprint(w, dieEvent[:40])
		w.(http.Flusher).Flush()
		fmt.Fprint(w, dieEvent[40:]+"\n"+`{"Type":"container","Action":"destroy","Actor":{"ID":"c1"}}`+"\n")
	})
	c, err := New(Options{Host: "unix://" + d.sock})
	if err != nil {
		t.Fatal(err)
	}
	f := Filters{}
	f.Add("container", "c1")
	f.Add("type", "container")
	s, err := c.Events(context.Background(), EventsOptions{Since: "10", Until: "20", Filters: f})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if want := `filters=%7B%22container%22%3A%7B%22c1%22%3Atrue%7D%2C%22type%22%3A%7B%22container%22%3Atrue%7D%7D&since=10&until=20`; query != want {
		t.Errorf("query %s\nwant  %s", query, want)
	}
	m, err := s.Next()
	if err != nil {
		t.Fatal(err)
	}
	if m.Action != "die" || m.Status != "die" || m.Type != "container" || m.Actor.ID != "c1" ||
		m.Actor.Attributes["exitCode"] != "3" || m.From != "busybox" || m.Scope != "local" || m.TimeNano != 1700000000000000001 {
		t.Errorf("decoded %+v", m)
	}
	if m, err = s.Next(); err != nil || m.Action != "destroy" || m.Status != "" {
		t.Errorf("second event %+v, %v", m, err)
	}
	if _, err = s.Next(); err != io.EOF {
		t.Errorf("end of stream: %v, want io.EOF", err)
	}
	if got := d.requests(); got[len(got)-1] != "GET /v1.41/events" {
		t.Errorf("requests %v", got)
	}
}

func TestEventsEnds(t *testing.T) {
	t.Run("inside an event", func(t *testing.T) {
		d := newFakeDaemon(t, "1.41", func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprint(w, dieEvent[:50])
		})
		c, _ := New(Options{Host: "unix://" + d.sock})
		s, err := c.Events(context.Background(), EventsOptions{})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if _, err := s.Next(); err != io.ErrUnexpectedEOF {
			t.Errorf("got %v, want io.ErrUnexpectedEOF", err)
		}
	})
	t.Run("context ends while waiting", func(t *testing.T) {
		release := make(chan struct{})
		defer close(release)
		d := newFakeDaemon(t, "1.41", func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(http.StatusOK)
			w.(http.Flusher).Flush()
			<-release
		})
		c, _ := New(Options{Host: "unix://" + d.sock})
		ctx, cancel := context.WithCancel(context.Background())
		s, err := c.Events(ctx, EventsOptions{})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		time.AfterFunc(50*time.Millisecond, cancel)
		if _, err := s.Next(); !errors.Is(err, context.Canceled) {
			t.Errorf("got %v, want context.Canceled", err)
		}
	})
	t.Run("daemon error", func(t *testing.T) {
		d := newFakeDaemon(t, "1.41", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusBadRequest)
			fmt.Fprint(w, `{"message":"invalid filter 'bogus'"}`)
		})
		c, _ := New(Options{Host: "unix://" + d.sock})
		if _, err := c.Events(context.Background(), EventsOptions{}); err == nil || err.Error() != "Error response from daemon: invalid filter 'bogus'" {
			t.Errorf("got %v", err)
		}
	})
}

// TestEventsConstantMemory streams about 35 MB of events: the heap must not
// grow with what has been read.
func TestEventsConstantMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("streams 35 MB")
	}
	const n = 100000
	line := []byte(dieEvent + "\n")
	d := newFakeDaemon(t, "1.41", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusOK)
		for i := 0; i < n; i++ {
			if _, err := w.Write(line); err != nil {
				return
			}
		}
	})
	c, _ := New(Options{Host: "unix://" + d.sock})
	s, err := c.Events(context.Background(), EventsOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var peak uint64
	var ms runtime.MemStats
	for i := 0; ; i++ {
		if _, err := s.Next(); err == io.EOF {
			if i != n {
				t.Fatalf("read %d events, want %d", i, n)
			}
			break
		} else if err != nil {
			t.Fatal(err)
		}
		if i%20000 == 0 {
			runtime.GC()
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapAlloc)
		}
	}
	if peak > 12<<20 {
		t.Errorf("heap reached %d MB while streaming %d MB", peak>>20, n*len(line)>>20)
	}
}
