//go:build e2e

package system

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/dockerclone/docker/e2e/e2etest"
)

// engineEvents is what the engine itself answers for a closed window.
func engineEvents(t *testing.T, since, until string, filters map[string][]string) []engineEvent {
	t.Helper()
	f := map[string]map[string]bool{}
	for k, vs := range filters {
		f[k] = map[string]bool{}
		for _, v := range vs {
			f[k][v] = true
		}
	}
	fj, _ := json.Marshal(f)
	q := url.Values{"since": {since}, "until": {until}, "filters": {string(fj)}}
	_, body := e2etest.API(t, http.MethodGet, "/events?"+q.Encode(), nil)
	var evs []engineEvent
	for dec := json.NewDecoder(bytes.NewReader(body)); ; {
		var e engineEvent
		if err := dec.Decode(&e); err == io.EOF {
			return evs
		} else if err != nil {
			t.Fatalf("engine events: %v: %s", err, body)
		}
		evs = append(evs, e)
	}
}

type engineEvent struct {
	Type, Action string
	Actor        struct{ Attributes map[string]string }
}

// TestEventsWindow reads a closed window: filtered, formatted, then exits.
// The lines are the events the engine sends for the window (Podman's file
// event log answers a window with hardly any).
func TestEventsWindow(t *testing.T) {
	name := e2etest.ContainerName(t, "fev")
	since := strconv.FormatInt(time.Now().Unix(), 10)
	e2etest.RunOK(t, "run", "--name", name, "--network", "none", "busybox:latest", "true")
	e2etest.RunOK(t, "rm", name)
	time.Sleep(time.Second)
	until := strconv.FormatInt(time.Now().Unix(), 10)
	r := e2etest.RunOK(t, "events", "--since", since, "--until", until, "--filter", "container="+name,
		"--filter", "event=create", "--filter", "event=die", "--format", "{{.Type}} {{.Action}} {{.Actor.Attributes.name}}")
	want := ""
	for _, e := range engineEvents(t, since, until, map[string][]string{"container": {name}, "event": {"create", "die"}}) {
		want += e.Type + " " + e.Action + " " + e.Actor.Attributes["name"] + "\n"
	}
	if r.Stdout != want || !e2etest.Podman() && want != "container create "+name+"\ncontainer die "+name+"\n" {
		t.Fatalf("want %q; got %s", want, r)
	}
	r = e2etest.RunOK(t, "system", "events", "--since", since, "--until", until, "--filter", "container="+name, "--filter", "event=destroy")
	evs := engineEvents(t, since, until, map[string][]string{"container": {name}, "event": {"destroy"}})
	if strings.Count(r.Stdout, "\n") != len(evs) || !e2etest.Podman() &&
		(!strings.HasSuffix(r.Stdout, " (image=busybox:latest, name="+name+")\n") || !strings.Contains(r.Stdout, "Z container destroy ")) {
		t.Fatalf("default line, for %d events: %s", len(evs), r)
	}
	r = e2etest.Run(t, "events", "--until", "1", "--format", "{{.Nope}}")
	if r.Code != 64 || r.Stderr != `Error parsing format: template: :1:2: executing "" at <.Nope>: can't evaluate field Nope in type *events.Message`+"\n" {
		t.Fatalf("bad template: %s", r)
	}
}

// start runs `docker events args...` in the background, its lines on a channel.
func start(t *testing.T, args ...string) (*exec.Cmd, chan string) {
	bin, err := e2etest.Binary()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, append([]string{"events"}, args...)...)
	cmd.Env = append(os.Environ(), "DOCKER_CONFIG="+e2etest.ConfigDir(t))
	out, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	lines := make(chan string, 100)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	return cmd, lines
}

func waitLine(t *testing.T, lines chan string, want string) {
	t.Helper()
	timeout := time.After(20 * time.Second)
	for {
		select {
		case l, ok := <-lines:
			if !ok {
				t.Fatalf("stream ended before %q", want)
			}
			if l == want {
				return
			}
		case <-timeout:
			t.Fatalf("no %q within 20s", want)
		}
	}
}

// TestEventsLive follows the stream: events show as they happen, the command
// ends by itself at --until, and Ctrl-C ends it with 130 like the reference.
// Podman filters no volume events by name and names the volume only in an
// attribute; it says "remove" where Docker says "destroy".
func TestEventsLive(t *testing.T) {
	vol := e2etest.VolumeName(t, "fevl")
	filter, format, removed := "volume="+vol, "{{.Action}} {{.Actor.ID}}", "destroy "+vol
	if e2etest.Podman() {
		filter, format, removed = "type=volume", "{{.Action}} {{.Actor.Attributes.name}}", "remove "+vol
	}
	until := strconv.FormatInt(time.Now().Add(4*time.Second).Unix(), 10)
	cmd, lines := start(t, "--until", until, "--filter", filter, "--format", format)
	time.Sleep(500 * time.Millisecond)
	e2etest.RunOK(t, "volume", "create", vol)
	waitLine(t, lines, "create "+vol)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("exit at --until: %v", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("still running past --until")
	}

	cmd, lines = start(t, "--filter", filter, "--format", format)
	time.Sleep(500 * time.Millisecond)
	e2etest.RunOK(t, "volume", "rm", vol)
	waitLine(t, lines, removed)
	_ = cmd.Process.Signal(syscall.SIGINT)
	err := cmd.Wait()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 130 {
		t.Fatalf("after SIGINT: %v", err)
	}
}
