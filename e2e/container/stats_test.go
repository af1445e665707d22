//go:build e2e

package container

import (
	"os/exec"
	"strings"
	"syscall"
	"testing"

	"github.com/dockerclone/docker/e2e/e2etest"
)

func TestStatsNoStream(t *testing.T) {
	running := e2etest.ContainerName(t, "f2-stats-run")
	created := e2etest.ContainerName(t, "f2-stats-new")
	e2etest.RunOK(t, "run", "-d", "--name", running, e2etest.Image, "sleep", "300")
	e2etest.RunOK(t, "create", "--name", created, e2etest.Image, "true")

	r := e2etest.RunOK(t, "stats", "--no-stream", "-a", "--format", "{{.Name}} {{.PIDs}} {{.MemPerc}}")
	// Podman has no stats for a container that never ran ("--"), and the
	// name it sends has no "/" for the reference's way to drop it.
	shown, createdRow := running, created+" 0 0.00%\n"
	if e2etest.Podman() {
		shown, createdRow = running[1:], "-- -- --\n"
	}
	runningRow := shown + " 1 "
	if !strings.Contains(r.Stdout, runningRow) || !strings.Contains(r.Stdout, createdRow) {
		t.Fatalf("stats -a: %s", r)
	}
	r = e2etest.RunOK(t, "stats", "--no-stream", "--no-trunc", "--format", "json", running)
	for _, key := range []string{`"Container":"` + running + `"`, `"Name":"` + shown + `"`, `"PIDs":"1"`, `"BlockIO":`, `"NetIO":`} {
		if !strings.Contains(r.Stdout, key) || strings.Count(r.Stdout, "\n") != 1 {
			t.Fatalf("json: missing %s in %s", key, r)
		}
	}
	r = e2etest.RunOK(t, "stats", "--no-stream", running)
	if lines := strings.Split(r.Stdout, "\n"); len(lines) != 3 || !strings.HasPrefix(lines[0], "CONTAINER ID   NAME ") ||
		strings.Contains(r.Stdout, "\x1b") {
		t.Fatalf("table: %s", r)
	}
	r = e2etest.Run(t, "stats", "--no-stream", running, "f2-stats-nope")
	missing := r.Stderr == "Error response from daemon: No such container: f2-stats-nope\n"
	if e2etest.Podman() { // a 404 with no body: the reference's message for that
		missing = strings.HasPrefix(r.Stderr, "request returned 404 Not Found for API route and version ") &&
			strings.HasSuffix(r.Stderr, "/containers/f2-stats-nope/stats?stream=0, check if the server supports the requested API version\n")
	}
	if r.Code != 1 || r.Stdout != "" || !missing {
		t.Fatalf("missing container: %s", r)
	}
}

// lastFrame is the table of the latest complete redraw.
func lastFrame(out string) string {
	frames := strings.Split(out, "\x1b[J")
	if len(frames) < 2 {
		return ""
	}
	f := strings.TrimPrefix(frames[len(frames)-2], "\x1b[H")
	table, _, _ := strings.Cut(f, "\x1b[H")
	return table
}

// TestStatsLive follows the running containers: one that starts joins the
// table, one that dies leaves it, and Ctrl-C ends the command (130).
func TestStatsLive(t *testing.T) {
	bin, err := e2etest.Binary()
	if err != nil {
		t.Fatal(err)
	}
	first := e2etest.ContainerName(t, "f2-live-a")
	second := e2etest.ContainerName(t, "f2-live-b")
	e2etest.RunOK(t, "run", "-d", "--name", first, e2etest.Image, "sleep", "300")
	// Podman sends names without "/": the reference's way to drop it
	// takes their first letter.
	shown := func(name string) string {
		if e2etest.Podman() {
			return name[1:]
		}
		return name
	}

	var out e2etest.Output
	cmd := exec.Command(bin, "stats", "--format", "{{.Name}} {{.PIDs}}")
	cmd.Env = append(cmd.Environ(), "DOCKER_CONFIG="+e2etest.ConfigDir(t))
	cmd.Stdout = &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	waitFor := func(what string, ok func(frame string) bool) {
		t.Helper()
		out.WaitFor(t, "frame with "+what, func(s string) bool { return ok(lastFrame(s)) })
	}
	waitFor(first, func(f string) bool { return strings.Contains(f, shown(first)+" 1\n") })
	e2etest.RunOK(t, "run", "-d", "--name", second, e2etest.Image, "sleep", "300")
	waitFor(second, func(f string) bool { return strings.Contains(f, shown(second)+" 1\n") })
	e2etest.RunOK(t, "stop", "-t", "0", second)
	waitFor("no "+second, func(f string) bool { return !strings.Contains(f, shown(second)) && strings.Contains(f, shown(first)) })

	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	err = cmd.Wait()
	if code := cmd.ProcessState.ExitCode(); code != 130 {
		t.Fatalf("exit %d (%v)", code, err)
	}
	if !strings.Contains(lastFrame(out.String()), shown(first)+" --\n") {
		t.Fatalf("last frame:\n%s", lastFrame(out.String()))
	}
}
