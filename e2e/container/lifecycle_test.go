//go:build e2e

package container

import (
	"encoding/json"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/dockerclone/docker/e2e/e2etest"
)

// lcContainer creates (and, when start, starts) a container through the
// engine API, so these tests do not depend on `docker run`.
func lcContainer(t *testing.T, prefix string, start, tty bool, labels map[string]string, cmd ...string) string {
	t.Helper()
	name := e2etest.ContainerName(t, prefix)
	body := map[string]any{
		"Image": e2etest.Image, "Cmd": cmd, "Tty": tty, "Labels": labels,
		"HostConfig": map[string]any{"NetworkMode": "none"},
	}
	if code, out := e2etest.API(t, http.MethodPost, "/containers/create?name="+name, body); code != http.StatusCreated {
		t.Fatalf("create %s: %d %s", name, code, out)
	}
	if start {
		if code, out := e2etest.API(t, http.MethodPost, "/containers/"+name+"/start", nil); code != http.StatusNoContent {
			t.Fatalf("start %s: %d %s", name, code, out)
		}
	}
	return name
}

// lcState returns the container's State.Status and exit code.
func lcState(t *testing.T, name string) (string, int) {
	t.Helper()
	code, out := e2etest.API(t, http.MethodGet, "/containers/"+name+"/json", nil)
	if code != http.StatusOK {
		t.Fatalf("inspect %s: %d %s", name, code, out)
	}
	var v struct {
		State struct {
			Status   string
			ExitCode int
		}
	}
	if err := json.Unmarshal(out, &v); err != nil {
		t.Fatal(err)
	}
	return v.State.Status, v.State.ExitCode
}

// lcExited runs cmd to completion in a new container.
func lcExited(t *testing.T, prefix string, tty bool, cmd ...string) string {
	t.Helper()
	name := lcContainer(t, prefix, true, tty, nil, cmd...)
	e2etest.API(t, http.MethodPost, "/containers/"+name+"/wait", nil)
	return name
}

func TestPs(t *testing.T) {
	prefix := e2etest.UniqueName(t, "hx-ps")
	running := lcContainer(t, prefix+"-run", true, false, map[string]string{"tier": "web"}, "sleep", "300")
	created := lcContainer(t, prefix+"-new", false, false, nil, "sh", "-c", "echo a very long command line here")
	filter := "name=" + prefix

	r := e2etest.RunOK(t, "ps", "-a", "--filter", filter)
	// The command as the engine lists it (Docker quotes the arguments,
	// Podman joins them), cut at 19 characters.
	var listed []struct{ Command string }
	_, body := e2etest.API(t, http.MethodGet, `/containers/json?all=1&filters={"name":{"`+created+`":true}}`, nil)
	if json.Unmarshal(body, &listed) != nil || len(listed) != 1 {
		t.Fatalf("engine list: %s", body)
	}
	want := "CONTAINER ID  IMAGE  COMMAND  CREATED  STATUS  PORTS  NAMES\n" +
		"<ID12>  busybox:latest  \"" + listed[0].Command[:19] + "…\"  <TIME> ago  Created  " + created + "\n" +
		"<ID12>  busybox:latest  \"sleep 300\"  <TIME> ago  Up <TIME>  " + running + "\n"
	if got := e2etest.Squeeze(e2etest.Mask(r.Stdout)); e2etest.SortRows(got) != e2etest.SortRows(want) {
		t.Errorf("ps -a:\n%s\nwant\n%s", got, want)
	}

	r = e2etest.RunOK(t, "ps", "--filter", filter, "--format", `{{.Names}}|{{.Label "tier"}}|{{.State}}`)
	if want := running + "|web|running\n"; r.Stdout != want {
		t.Errorf("running only: %q, want %q", r.Stdout, want)
	}
	r = e2etest.RunOK(t, "container", "ls", "-a", "-q", "--no-trunc", "--filter", filter, "--filter", "status=created")
	if !regexp.MustCompile(`^[0-9a-f]{64}\n$`).MatchString(r.Stdout) {
		t.Errorf("-q --no-trunc status=created: %q", r.Stdout)
	}
	r = e2etest.RunOK(t, "ps", "-a", "-s", "--filter", filter, "--format", "json")
	for _, line := range strings.Split(strings.TrimSpace(r.Stdout), "\n") {
		var row map[string]any
		if err := json.Unmarshal([]byte(line), &row); err != nil {
			t.Fatalf("json line %q: %v", line, err)
		}
		if size, _ := row["Size"].(string); !strings.Contains(size, "(virtual ") {
			t.Errorf("-s json Size = %q", size)
		}
	}
	// A template showing .Size asks for sizes, unless --size=false says not to.
	r = e2etest.RunOK(t, "ps", "-f", "", "--filter", filter, "--filter", "status=running", "--format", "{{.Size}}")
	if !strings.Contains(r.Stdout, "(virtual ") {
		t.Errorf("Size template: %q", r.Stdout)
	}
	r = e2etest.RunOK(t, "ps", "--size=false", "--filter", filter, "--filter", "status=running", "--format", "{{.Size}}")
	if r.Stdout != "0B\n" {
		t.Errorf("--size=false with a Size template: %q", r.Stdout)
	}
	r = e2etest.Run(t, "ps", "--filter", filter, "--format", "table {{.Bogus}}")
	if r.Code != 1 || r.Stderr != "failed to execute template: template: :1:8: executing \"\" at <.Bogus>: can't evaluate field Bogus in type *formatter.ContainerContext\n" {
		t.Errorf("bad field: %s", r)
	}
	r = e2etest.Run(t, "ps", "-f", "nope")
	if r.Code != 125 || !strings.HasPrefix(r.Stderr, `invalid argument "nope" for "-f, --filter" flag: bad format of filter (expected name=value)`) {
		t.Errorf("bad filter: %s", r)
	}
}

func TestStopKillPauseRestartRm(t *testing.T) {
	a := lcContainer(t, "hx-stop", true, false, nil, "sleep", "300")
	b := lcContainer(t, "hx-stop", true, false, nil, "sleep", "300")
	missing := e2etest.UniqueName(t, "hx-missing")

	noSuch := e2etest.NoSuchContainer(t, missing) + "\n"
	r := e2etest.Run(t, "stop", "-t", "1", b, missing, a)
	if r.Code != 1 || r.Stdout != b+"\n"+a+"\n" || r.Stderr != noSuch {
		t.Errorf("stop: %s", r)
	}
	for _, n := range []string{a, b} {
		if st, _ := lcState(t, n); st != "exited" {
			t.Errorf("%s is %s after stop", n, st)
		}
	}

	r = e2etest.RunOK(t, "restart", "-t", "1", a)
	if st, _ := lcState(t, a); r.Stdout != a+"\n" || st != "running" {
		t.Errorf("restart: %s; state %s", r, st)
	}
	e2etest.RunOK(t, "pause", a)
	if st, _ := lcState(t, a); st != "paused" {
		t.Errorf("pause: state %s", st)
	}
	r = e2etest.Run(t, "unpause", a, b)
	if r.Code != 1 || r.Stdout != a+"\n" || !strings.Contains(r.Stderr, "is not paused") {
		t.Errorf("unpause: %s", r)
	}
	r = e2etest.RunOK(t, "kill", "-s", "KILL", a)
	if st, code := lcState(t, a); r.Stdout != a+"\n" || st != "exited" || code != 137 {
		t.Errorf("kill: %s; state %s code %d", r, st, code)
	}

	running := lcContainer(t, "hx-rm", true, false, nil, "sleep", "300")
	r = e2etest.Run(t, "rm", running)
	if r.Code != 1 || !strings.Contains(r.Stderr, "cannot remove") && !strings.Contains(r.Stderr, "You cannot remove a running container") {
		t.Errorf("rm running: %s", r)
	}
	r = e2etest.Run(t, "rm", "-f", running, missing)
	if r.Code != 0 || r.Stdout != running+"\n" || r.Stderr != noSuch {
		t.Errorf("rm -f: %s", r)
	}
	if e2etest.Exists(t, "containers", running) {
		t.Error("rm -f left the container")
	}
	r = e2etest.Run(t, "rm", "", b)
	if r.Code != 1 || r.Stdout != b+"\n" || r.Stderr != "container name cannot be empty\n" {
		t.Errorf("rm with an empty name: %s", r)
	}
}

func TestLogs(t *testing.T) {
	// The pause orders the two streams in the log.
	name := lcExited(t, "hx-logs", false, "sh", "-c", "echo err1 >&2; sleep 0.2; echo out1; seq 2 5")
	r := e2etest.RunOK(t, "logs", name)
	if r.Stdout != "out1\n2\n3\n4\n5\n" || r.Stderr != "err1\n" {
		t.Errorf("logs: %s", r)
	}
	r = e2etest.RunOK(t, "logs", "--tail", "2", name)
	if r.Stdout != "4\n5\n" {
		t.Errorf("--tail 2: %s", r)
	}
	r = e2etest.RunOK(t, "logs", "-f", "-t", "-n", "1", name)
	stamp := `^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z 5\n$`
	if e2etest.Podman() {
		stamp = strings.Replace(stamp, `\.\d+`, `(\.\d+)?`, 1) // Podman's may have no fraction
	}
	if !regexp.MustCompile(stamp).MatchString(r.Stdout) {
		t.Errorf("-f -t -n 1: %s", r)
	}
	until := e2etest.IfAPI("1.35", "--until", time.Now().Add(time.Hour).UTC().Format(time.RFC3339))
	r = e2etest.RunOK(t, append(append([]string{"logs", "--since", "1h"}, until...), name)...)
	if r.Stdout != "out1\n2\n3\n4\n5\n" {
		t.Errorf("--since/--until window: %s", r)
	}
	r = e2etest.Run(t, "logs", "--since", "bogus", name)
	if r.Code != 1 || r.Stderr != "invalid value for \"since\": failed to parse value as time or duration: \"bogus\"\n" {
		t.Errorf("bad --since: %s", r)
	}

	tty := lcExited(t, "hx-logs-tty", true, "sh", "-c", "echo ttyout; echo ttyerr >&2")
	r = e2etest.RunOK(t, "logs", tty)
	if r.Stdout != "ttyout\r\nttyerr\r\n" || r.Stderr != "" {
		t.Errorf("tty logs: %s", r)
	}
	missing := e2etest.UniqueName(t, "hx-missing")
	r = e2etest.Run(t, "logs", missing)
	if r.Code != 1 || r.Stderr != e2etest.NoSuchContainer(t, missing)+"\n" {
		t.Errorf("missing: %s", r)
	}
}

func TestWaitAndRename(t *testing.T) {
	a := lcExited(t, "hx-wait", false, "sh", "-c", "exit 3")
	b := lcContainer(t, "hx-wait", true, false, nil, "sh", "-c", "sleep 1; exit 5")
	r := e2etest.RunOK(t, "wait", a, b)
	if r.Stdout != "3\n5\n" {
		t.Errorf("wait: %s", r)
	}
	newName := e2etest.ContainerName(t, "hx-renamed")
	e2etest.RunOK(t, "rename", a, newName)
	if !e2etest.Exists(t, "containers", newName) {
		t.Error("rename did not rename")
	}
	r = e2etest.Run(t, "rename", newName, newName)
	if code, _ := e2etest.API(t, http.MethodPost, "/containers/"+newName+"/rename?name="+newName, nil); code < 400 {
		// Podman renames a container to its own name without complaint.
		if r.Code != 0 || r.Stdout != "" || r.Stderr != "" {
			t.Errorf("rename to itself, allowed by the engine: %s", r)
		}
	} else if r.Code != 1 || !strings.HasSuffix(r.Stderr, "Error: failed to rename container named "+newName+"\n") {
		t.Errorf("rename to itself: %s", r)
	}
}

func TestCommit(t *testing.T) {
	src := lcExited(t, "hx-commit", false, "touch", "/committed")
	repo := e2etest.ImageName(t, "hx-commit-img")
	r := e2etest.RunOK(t, "commit", "-m", "my msg", "-a", "A U Thor", "-c", "ENV X=1", "-c", `CMD ["echo","committed"]`, src, repo)
	id := `^sha256:[0-9a-f]{64}\n$`
	if e2etest.Podman() {
		id = `^[0-9a-f]{64}\n$` // the engine's Id, without the algorithm
	}
	if !regexp.MustCompile(id).MatchString(r.Stdout) {
		t.Fatalf("commit printed %q", r.Stdout)
	}
	code, out := e2etest.API(t, http.MethodGet, "/images/"+repo+":latest/json", nil)
	if code != http.StatusOK {
		t.Fatalf("committed image: %d %s", code, out)
	}
	var img struct {
		Comment, Author string
		Config          struct{ Cmd, Env []string }
	}
	if err := json.Unmarshal(out, &img); err != nil {
		t.Fatal(err)
	}
	if img.Comment != "my msg" || img.Author != "A U Thor" || strings.Join(img.Config.Cmd, " ") != "echo committed" || !strings.Contains(strings.Join(img.Config.Env, " "), "X=1") {
		t.Errorf("committed image: %+v", img)
	}
	r = e2etest.Run(t, "commit", src, "Bad:Name")
	if r.Code != 1 || r.Stderr != "invalid reference format: repository name (library/Bad) must be lowercase\n" {
		t.Errorf("bad name: %s", r)
	}
}

func TestInspect(t *testing.T) {
	name := lcContainer(t, "hx-inspect", false, false, map[string]string{"k": "v"}, "echo", "hi")
	r := e2etest.RunOK(t, "inspect", name)
	var objs []map[string]any
	if err := json.Unmarshal([]byte(r.Stdout), &objs); err != nil || len(objs) != 1 || objs[0]["Name"] != "/"+name {
		t.Fatalf("inspect: %v\n%s", err, r)
	}
	if !strings.HasPrefix(r.Stdout, "[\n    {\n        \"Id\": ") {
		t.Errorf("not indented by four spaces: %.60q", r.Stdout)
	}
	r = e2etest.RunOK(t, "container", "inspect", "-f", `{{.Name}} {{.Config.Cmd}} {{json .Config.Labels}} {{.State.Status}} {{.Config.Entrypoint}}`, name)
	if want := "/" + name + " [echo hi] {\"k\":\"v\"} created []\n"; r.Stdout != want {
		t.Errorf("template: %q, want %q", r.Stdout, want)
	}
	r = e2etest.RunOK(t, "inspect", "--type", "image", "-f", "{{range .RepoTags}}{{.}} {{end}}", e2etest.Image)
	if !strings.Contains(" "+r.Stdout, " "+e2etest.RepoTag(t, e2etest.Image)+" ") {
		t.Errorf("image: %s", r)
	}
	missing := e2etest.UniqueName(t, "hx-missing")
	r = e2etest.Run(t, "inspect", missing)
	if r.Code != 1 || r.Stdout != "[]\n" || r.Stderr != "Error: No such object: "+missing+"\n" {
		t.Errorf("missing: %s", r)
	}
	r = e2etest.Run(t, "inspect", "-f", "{{.Name", name)
	if r.Code != 64 || r.Stderr != "template parsing error: template: :1: unclosed action\n" {
		t.Errorf("bad template: %s", r)
	}
}
