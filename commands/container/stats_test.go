package container

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/dockerclone/docker/cli/clitest"
)

// fastStats redraws every few milliseconds for the test's duration.
func fastStats(t *testing.T, timeout time.Duration) {
	interval, wait := statsInterval, statsTimeout
	statsInterval, statsTimeout = 5*time.Millisecond, timeout
	t.Cleanup(func() { statsInterval, statsTimeout = interval, wait })
}

func statsSample(id, name string, pids int) string {
	return fmt.Sprintf(`{"id":%q,"name":"/%s","pids_stats":{"current":%d},"memory_stats":{"usage":1048576,"limit":10485760}}`+"\n", id, name, pids)
}

// streamStats answers a stats request with samples, then holds the stream
// open until the client goes away.
func streamStats(release <-chan struct{}, samples ...string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusOK)
		w.(http.Flusher).Flush()
		if release != nil {
			select {
			case <-release:
			case <-r.Context().Done():
				return
			}
		}
		for _, s := range samples {
			_, _ = w.Write([]byte(s))
			w.(http.Flusher).Flush()
		}
		<-r.Context().Done()
	}
}

// frames cuts redrawn output into its frames, each checked for the
// reference's redraw sequence and reduced to its table; repeats of the
// previous frame are dropped.
func frames(t *testing.T, out string) []string {
	t.Helper()
	var tables []string
	parts := strings.Split(out, "\x1b[J")
	if parts[len(parts)-1] != "" {
		t.Fatalf("output does not end with a frame: %q", parts[len(parts)-1])
	}
	for _, f := range parts[:len(parts)-1] {
		table, rest, ok := strings.Cut(strings.TrimPrefix(f, "\x1b[H"), "\x1b[H")
		want := strings.ReplaceAll(table, "\n", " \x1b[K\n") + " \x1b[K\n"
		if !ok || !strings.HasPrefix(f, "\x1b[H") || rest != want {
			t.Fatalf("frame %q", f)
		}
		if len(tables) == 0 || tables[len(tables)-1] != table {
			tables = append(tables, table)
		}
	}
	return tables
}

const (
	c1ID = "c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1"
	c3ID = "c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3"
)

// TestStatsFollowsEvents: without names the table follows the engine's
// events; a container that starts shows zeros until its first sample and
// leaves the table when it dies. The command ends with the event stream.
func TestStatsFollowsEvents(t *testing.T) {
	fastStats(t, time.Minute)
	pause := 150 * time.Millisecond
	c3Sample := make(chan struct{})
	event := func(action, id string) string {
		return fmt.Sprintf(`{"Type":"container","Action":%q,"Actor":{"ID":%q}}`+"\n", action, id)
	}
	e := &clitest.Engine{
		Replies: map[string]clitest.Reply{"GET /containers/json": {Body: `[{"Id":"` + c1ID + `"}]`}},
		Handlers: map[string]http.HandlerFunc{
			"GET /containers/c1c1c1c1c1c1/stats": streamStats(nil, statsSample(c1ID, "one", 1)),
			"GET /containers/c3c3c3c3c3c3/stats": streamStats(c3Sample, statsSample(c3ID, "three", 3)),
			"GET /events": func(w http.ResponseWriter, r *http.Request) {
				w.WriteHeader(http.StatusOK)
				for _, step := range []func(){
					func() { _, _ = w.Write([]byte(event("start", c3ID))) },
					func() { close(c3Sample) },
					func() { _, _ = w.Write([]byte(event("die", c3ID))) },
				} {
					w.(http.Flusher).Flush()
					time.Sleep(pause)
					step()
				}
				w.(http.Flusher).Flush()
				time.Sleep(pause)
			},
		},
	}
	r := clitest.Run(t, e, clitest.Options{StdoutTTY: &clitest.Terminal{Width: 120, Height: 30}},
		newStatsCommand, "--format", "table {{.ID}}\t{{.Name}}\t{{.MemUsage}}\t{{.PIDs}}")
	if r.RunErr != nil {
		t.Fatal(r.RunErr)
	}
	header := "CONTAINER ID   NAME      MEM USAGE / LIMIT   PIDS\n"
	one := "c1c1c1c1c1c1   one       1MiB / 10MiB        1\n"
	want := []string{
		header + one,
		header + one + "               --        0B / 0B             0\n",
		header + one + "c3c3c3c3c3c3   three     1MiB / 10MiB        3\n",
		header + one,
	}
	if got := frames(t, r.Out); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("frames:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	lines := e.SortedLines()
	for _, l := range []string{"GET /events?filters=%7B%22type%22%3A%7B%22container%22%3Atrue%7D%7D", "GET /containers/json",
		"GET /containers/c1c1c1c1c1c1/stats?stream=1", "GET /containers/c3c3c3c3c3c3/stats?stream=1"} {
		if !strings.Contains(strings.Join(lines, "\n"), l) {
			t.Errorf("missing %s in %v", l, lines)
		}
	}
	// The events are asked for before the list, so no start goes unseen.
	if got := e.Lines(); !strings.HasPrefix(got[0], "GET /events") {
		t.Errorf("first request %s", got[0])
	}
}

// TestStatsInterrupted: named containers are drawn until Ctrl-C; the last
// frame shows what the cancelled streams left ("--").
func TestStatsInterrupted(t *testing.T) {
	fastStats(t, time.Minute)
	ctx, cancel := context.WithCancel(context.Background())
	sample := statsSample(c1ID, "one", 1)
	e := &clitest.Engine{Handlers: map[string]http.HandlerFunc{
		"GET /containers/one/stats": func(w http.ResponseWriter, r *http.Request) {
			time.AfterFunc(100*time.Millisecond, cancel)
			streamStats(nil, sample)(w, r)
		},
	}}
	r := clitest.Run(t, e, clitest.Options{Context: ctx}, newStatsCommand, "one")
	if !errors.Is(r.RunErr, context.Canceled) {
		t.Fatalf("err %v", r.RunErr)
	}
	header := "CONTAINER ID   NAME      CPU %     MEM USAGE / LIMIT   MEM %     NET I/O   BLOCK I/O   PIDS\n"
	want := []string{
		header + "c1c1c1c1c1c1   one       0.00%     1MiB / 10MiB        10.00%    0B / 0B   0B / 0B     1\n",
		header + "c1c1c1c1c1c1   one       --        -- / --             --        --        --          --\n",
	}
	if got := frames(t, r.Out); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("frames:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestStatsFailures(t *testing.T) {
	fastStats(t, 50*time.Millisecond)
	e := &clitest.Engine{
		Replies: map[string]clitest.Reply{
			"GET /containers/nope/stats": clitest.NotFound("No such container: nope"),
			"GET /containers/gone/stats": clitest.NotFound("No such container: gone"),
		},
		Handlers: map[string]http.HandlerFunc{
			"GET /containers/one/stats":   streamStats(nil, statsSample(c1ID, "one", 1)),
			"GET /containers/stuck/stats": streamStats(make(chan struct{})),
		},
	}
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"one", "nope"}, "Error response from daemon: No such container: nope"},
		// A name given twice is one row, as with the reference.
		{[]string{"--no-stream", "nope", "one", "nope", "gone"}, "Error response from daemon: No such container: nope\nError response from daemon: No such container: gone"},
		{[]string{"stuck"}, "timeout waiting for stats"},
		{[]string{"--format", "{{.Bad}}", "one"}, `template parsing error: template: :1:2: executing "" at <.Bad>: can't evaluate field Bad in type *container.statsContext`},
	} {
		r := clitest.Run(t, e, clitest.Options{}, newStatsCommand, tt.args...)
		if r.ErrText() != tt.want || r.Out != "" {
			t.Errorf("%v: err %q out %q", tt.args, r.ErrText(), r.Out)
		}
	}
}
