package completion_test

import (
	"bytes"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/clitest"
	"github.com/dockerclone/docker/commands"
	"github.com/dockerclone/docker/completion"
)

// newEngine is a daemon with three containers, two tagged images and the
// default networks; its lists take delay to come.
func newEngine(delay time.Duration) *clitest.Engine {
	list := func(body func(all bool) string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			time.Sleep(delay)
			w.Write([]byte(body(r.URL.Query().Get("all") == "1")))
		}
	}
	return &clitest.Engine{Handlers: map[string]http.HandlerFunc{
		"GET /containers/json": list(func(all bool) string {
			ctrs := `{"Id":"aaaaaaaaaaaa1111","Names":["/web"],"State":"running"},{"Id":"bbbbbbbbbbbb2222","Names":["/paused-one"],"State":"paused"}`
			if all {
				ctrs += `,{"Id":"cccccccccccc3333","Names":["/old"],"State":"exited"}`
			}
			return "[" + ctrs + "]"
		}),
		"GET /images/json": list(func(bool) string {
			return `[{"Id":"sha256:1","RepoTags":["busybox:latest","busybox:1"]},{"Id":"sha256:2","RepoTags":["<none>:<none>"]},{"Id":"sha256:3","RepoTags":["alpine:3"]}]`
		}),
		"GET /networks": list(func(bool) string { return `[{"Name":"bridge"},{"Name":"host"},{"Name":"none"}]` }),
		"GET /volumes":  list(func(bool) string { return `{"Volumes":[{"Name":"data"},{"Name":"cache"}]}` }),
		"GET /secrets":  list(func(bool) string { return `[{"ID":"sec1"},{"ID":"sec2"}]` }),
		"GET /services": list(func(bool) string { return `[{"ID":"x","Spec":{"Name":"web"}}]` }),
		"GET /info":     list(func(bool) string { return `{"Name":"host1","ID":"AB:CD"}` }),
	}}
}

func setup(t *testing.T, e *clitest.Engine) {
	t.Helper()
	t.Setenv("DOCKER_HOST", e.Serve(t))
	t.Setenv("DOCKER_CONFIG", t.TempDir())
	t.Setenv("DOCKER_CONTEXT", "")
	t.Setenv("DOCKER_COMPLETION_SHOW_CONTAINER_IDS", "")
}

// complete runs `docker __complete args...` and returns the candidates and
// the directive line.
func complete(t *testing.T, args ...string) ([]string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	c := cli.New(cli.Streams{In: cli.NewIn(strings.NewReader("")), Out: cli.NewOut(&out), Err: cli.NewOut(&errb)})
	root := commands.NewRootCommand(c)
	if target, rest, err := root.Find(args[:len(args)-1]); err != nil || target == root && len(args) > 1 && !strings.HasPrefix(args[0], "-") {
		t.Skipf("%v: command not in the tree yet (%v %v)", args, rest, err)
	}
	root.SetArgs(append([]string{"__complete"}, args...))
	if err := root.Execute(); err != nil {
		t.Fatalf("__complete %v: %v", args, err)
	}
	c.Out.Flush()
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	return lines[:len(lines)-1], lines[len(lines)-1]
}

func TestDynamicCompletion(t *testing.T) {
	tests := []struct {
		args      []string
		want      []string
		directive string
	}{
		// the engine's default list (running and paused), or running only
		{[]string{"stop", ""}, []string{"web", "paused-one"}, ":4"},
		{[]string{"container", "stop", ""}, []string{"web", "paused-one"}, ":4"},
		{[]string{"kill", "web", ""}, []string{"web", "paused-one"}, ":4"},
		{[]string{"commit", ""}, []string{"web", "paused-one"}, ":4"},
		{[]string{"exec", ""}, []string{"web"}, ":4"},
		{[]string{"exec", "web", ""}, []string{"web"}, ":4"}, // every argument, as the reference
		{[]string{"attach", ""}, []string{"web"}, ":4"},
		{[]string{"pause", ""}, []string{"web"}, ":4"},
		// all containers, or filtered by state
		{[]string{"logs", ""}, []string{"web", "paused-one", "old"}, ":4"},
		{[]string{"logs", "-f", ""}, []string{"web", "paused-one", "old"}, ":4"},
		{[]string{"logs", "web", ""}, []string{"web", "paused-one", "old"}, ":4"},
		{[]string{"container", "inspect", ""}, []string{"web", "paused-one", "old"}, ":4"},
		{[]string{"rm", ""}, []string{"old"}, ":4"},
		{[]string{"rm", "-f", ""}, []string{"web", "paused-one", "old"}, ":4"},
		{[]string{"start", ""}, []string{"old"}, ":4"},
		{[]string{"unpause", ""}, []string{"paused-one"}, ":4"},
		// a build context is a directory, its -f a file
		{[]string{"build", ""}, nil, ":16"},
		{[]string{"image", "build", "ctx", ""}, nil, ":16"},
		{[]string{"builder", "build", ""}, nil, ":16"},
		{[]string{"build", "-f", ""}, nil, ":0"},
		// images
		{[]string{"run", ""}, []string{"busybox:latest", "busybox:1", "<none>:<none>", "alpine:3"}, ":4"},
		{[]string{"run", "busybox", ""}, nil, ":4"},
		{[]string{"create", ""}, []string{"busybox:latest", "busybox:1", "<none>:<none>", "alpine:3"}, ":4"},
		{[]string{"create", "busybox", ""}, []string{"busybox:latest", "busybox:1", "<none>:<none>", "alpine:3"}, ":4"},
		{[]string{"rmi", ""}, []string{"busybox:latest", "busybox:1", "<none>:<none>", "alpine:3"}, ":4"},
		{[]string{"push", ""}, []string{"busybox:latest", "busybox:1", "<none>:<none>", "alpine:3"}, ":4"},
		{[]string{"history", ""}, []string{"busybox:latest", "busybox:1", "<none>:<none>", "alpine:3"}, ":4"},
		{[]string{"tag", "busybox", ""}, []string{"busybox:latest", "busybox:1", "<none>:<none>", "alpine:3"}, ":4"},
		{[]string{"tag", "busybox", "x", ""}, nil, ":4"},
		{[]string{"inspect", ""}, nil, ":4"},
		// flag values
		{[]string{"run", "--network", ""}, []string{"bridge", "host", "none"}, ":4"},
		{[]string{"run", "--network="}, []string{"bridge", "host", "none"}, ":4"},
		{[]string{"run", "--pull", ""}, []string{"always", "missing", "never"}, ":4"},
		{[]string{"run", "--restart", ""}, []string{"no", "always", "on-failure", "unless-stopped"}, ":4"},
		{[]string{"update", "--restart", ""}, []string{"no", "always", "on-failure", "unless-stopped"}, ":4"},
		{[]string{"run", "--ipc", "con"}, []string{"container:"}, ":2"},
		{[]string{"run", "--ipc", "h"}, []string{"container:", "host", "none", "private", "shareable"}, ":4"},
		{[]string{"run", "--ipc", "container:"}, []string{"container:web", "container:paused-one", "container:old"}, ":4"},
		// Values are not narrowed to what was typed: the shell does that.
		{[]string{"run", "--pull", "a"}, []string{"always", "missing", "never"}, ":4"},
		{[]string{"run", "--link", ""}, []string{"web:", "paused-one:", "old:"}, ":2"},
		{[]string{"run", "--ulimit", "no"}, ulimits, ":2"},
		{[]string{"run", "--storage-opt", ""}, []string{"size="}, ":2"},
		{[]string{"run", "--detach-keys", ""}, []string{"ctrl-"}, ":2"},
		{[]string{"exec", "--detach-keys", ""}, nil, ":0"},
		{[]string{"run", "--log-driver", "json-file", "--log-opt", ""}, []string{"max-buffer-size=", "mode=", "env=", "env-regex=", "labels=", "compress=", "max-file=", "max-size="}, ":6"},
		{[]string{"run", "--log-driver", "none", "--log-opt", ""}, nil, ":6"},
		{[]string{"run", "--platform", ""}, []string{"linux/386", "linux/amd64", "linux/arm", "linux/arm/v5", "linux/arm/v6", "linux/arm/v7", "linux/arm64", "linux/arm64/v8", "linux/ppc64le", "linux/s390x", "linux/riscv64", "windows/amd64", "wasip1/wasm"}, ":4"},
		{[]string{"build", "--platform", ""}, []string{"linux/386", "linux/amd64", "linux/arm", "linux/arm/v5", "linux/arm/v6", "linux/arm/v7", "linux/arm64", "linux/arm64/v8", "linux/ppc64le", "linux/s390x", "linux/riscv64", "windows/amd64", "wasip1/wasm"}, ":4"},
		{[]string{"load", "--platform", ""}, []string{"linux/386", "linux/amd64", "linux/arm", "linux/arm/v5", "linux/arm/v6", "linux/arm/v7", "linux/arm64", "linux/arm64/v8", "linux/ppc64le", "linux/s390x", "linux/riscv64", "windows/amd64", "wasip1/wasm"}, ":4"},
		// Most run flags complete nothing; --env-file is a file.
		{[]string{"run", "--hostname", ""}, nil, ":4"},
		{[]string{"run", "--env-file", ""}, nil, ":0"},
		// --format and --filter are left alone, except inspect's format.
		{[]string{"ps", "--format", ""}, nil, ":0"},
		{[]string{"ps", "--filter", "sta"}, nil, ":0"},
		{[]string{"version", "--format", ""}, nil, ":0"},
		{[]string{"inspect", "--format", ""}, nil, ":4"},
		{[]string{"node", "inspect", "--format", ""}, nil, ":0"},
		{[]string{"node", "ls", "--format", ""}, nil, ":4"},
		{[]string{"help", ""}, nil, ":0"},
		// volumes, swarm objects, and what the reference leaves alone
		{[]string{"volume", "rm", ""}, []string{"data", "cache"}, ":4"},
		{[]string{"volume", "inspect", "data", ""}, []string{"data", "cache"}, ":4"},
		{[]string{"volume", "create", ""}, nil, ":4"},
		{[]string{"network", "create", ""}, nil, ":4"},
		{[]string{"network", "prune", ""}, nil, ":0"},
		{[]string{"volume", "prune", ""}, nil, ":4"},
		{[]string{"plugin", "create", ""}, nil, ":4"},
		{[]string{"checkpoint", "create", ""}, nil, ":4"},
		{[]string{"checkpoint", "ls", ""}, []string{"web", "paused-one"}, ":4"},
		{[]string{"secret", "ls", ""}, []string{"sec1", "sec2"}, ":4"},
		{[]string{"service", "scale", ""}, []string{"web="}, ":6"},
		// events --filter: keys, then a key's values
		{[]string{"events", "--filter", ""}, []string{"container=", "daemon=", "event=", "image=", "label=", "network=", "node=", "scope=", "type=", "volume="}, ":2"},
		{[]string{"events", "--filter", "co"}, []string{"container=", "daemon=", "event=", "image=", "label=", "network=", "node=", "scope=", "type=", "volume="}, ":2"},
		{[]string{"events", "--filter", "nosuch="}, []string{"container=", "daemon=", "event=", "image=", "label=", "network=", "node=", "scope=", "type=", "volume="}, ":6"},
		{[]string{"system", "events", "--filter", "container="}, []string{"container=web", "container=paused-one", "container=old"}, ":4"},
		{[]string{"events", "--filter", "daemon="}, []string{"daemon=host1", "daemon=AB:CD"}, ":4"},
		{[]string{"events", "--filter", "volume=d"}, []string{"volume=data", "volume=cache"}, ":4"},
		{[]string{"events", "--filter", "scope="}, []string{"scope=local", "scope=swarm"}, ":4"},
		{[]string{"events", "--filter", "label="}, nil, ":4"},
		{[]string{"ps", ""}, nil, ":4"},
		{[]string{"--log-level", ""}, []string{"debug", "info", "warn", "error", "fatal", "panic"}, ":4"},
		{[]string{"--log-level", "d"}, []string{"debug", "info", "warn", "error", "fatal", "panic"}, ":4"},
	}
	setup(t, newEngine(0))
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			got, directive := complete(t, tt.args...)
			if strings.Join(got, ",") != strings.Join(tt.want, ",") || directive != tt.directive {
				t.Errorf("got %q %s, want %q %s", got, directive, tt.want, tt.directive)
			}
		})
	}
}

var ulimits = []string{
	"as=", "chroot=", "core=", "cpu=", "data=", "fsize=", "locks=", "maxlogins=", "maxsyslogins=",
	"memlock=", "msgqueue=", "nice=", "nofile=", "nproc=", "priority=", "rss=", "rtprio=",
	"sigpending=", "stack=",
}

func TestContainerIDs(t *testing.T) {
	setup(t, newEngine(0))
	t.Setenv("DOCKER_COMPLETION_SHOW_CONTAINER_IDS", "yes")
	got, _ := complete(t, "stop", "")
	if strings.Join(got, ",") != "aaaaaaaaaaaa,web,bbbbbbbbbbbb,paused-one" {
		t.Errorf("got %q", got)
	}
}

func TestContextNames(t *testing.T) {
	setup(t, newEngine(0))
	dir := os.Getenv("DOCKER_CONFIG")
	meta := filepath.Join(dir, "contexts", "meta", "0123", "meta.json")
	if err := os.MkdirAll(filepath.Dir(meta), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(meta, []byte(`{"Name":"remote","Metadata":{},"Endpoints":{"docker":{"Host":"tcp://1.2.3.4:2375"}}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("DOCKER_HOST", "")
	os.Unsetenv("DOCKER_HOST")
	got, dir2 := complete(t, "context", "use", "")
	if strings.Join(got, ",") != "remote,default\tcurrent" || dir2 != ":4" {
		t.Errorf("context use: %q %s", got, dir2)
	}
	got, _ = complete(t, "--context", "re")
	if strings.Join(got, ",") != "remote,default" {
		t.Errorf("--context: %q", got)
	}
	if got, _ = complete(t, "context", "rm", "remote", ""); strings.Join(got, ",") != "default\tcurrent" {
		t.Errorf("context rm remote: %q", got)
	}
	if got, dir2 = complete(t, "context", "export", "remote", ""); len(got) != 0 || dir2 != ":0" {
		t.Errorf("context export remote: %q %s", got, dir2)
	}
	if got, dir2 = complete(t, "context", "create", ""); len(got) != 0 || dir2 != ":4" {
		t.Errorf("context create: %q %s", got, dir2)
	}
}

// An unreachable or slow engine gives no candidates, quickly, and the
// error directive, as the reference.
func TestEngineUnavailable(t *testing.T) {
	t.Run("unreachable", func(t *testing.T) {
		setup(t, newEngine(0))
		t.Setenv("DOCKER_HOST", "unix://"+filepath.Join(t.TempDir(), "missing.sock"))
		for _, args := range [][]string{{"stop", ""}, {"service", "scale", ""}} {
			// Only the error: service scale's "=" and no-file marks are not added.
			got, directive := complete(t, args...)
			if len(got) != 0 || directive != ":1" {
				t.Errorf("%q: got %q %s", args, got, directive)
			}
		}
	})
	t.Run("slow", func(t *testing.T) {
		setup(t, newEngine(time.Second))
		old := completion.Timeout
		completion.Timeout = 100 * time.Millisecond
		defer func() { completion.Timeout = old }()
		start := time.Now()
		got, directive := complete(t, "rmi", "")
		if len(got) != 0 || directive != ":1" {
			t.Errorf("got %q %s", got, directive)
		}
		if d := time.Since(start); d > 900*time.Millisecond {
			t.Errorf("took %v", d)
		}
	})
}

// Building the tree and completing command names never contacts the engine.
func TestStaticCompletionDoesNotDial(t *testing.T) {
	e := newEngine(0)
	setup(t, e)
	got, _ := complete(t, "")
	if len(got) == 0 {
		t.Fatal("no commands")
	}
	for _, c := range got {
		if strings.HasPrefix(c, "completion") || strings.HasPrefix(c, "__complete") {
			t.Errorf("hidden command offered: %q", c)
		}
	}
	complete(t, "completion", "")
	if n := e.Contacts(); n != 0 {
		t.Errorf("engine contacted %d times", n)
	}
}

// Every top-level command that stands for a group's command completes its
// arguments and flags as that command does: the shortcut table names them
// all (a completion request builds the shortcut alone, so the table cannot
// look the group up).
func TestShortcutsCompleteLikeTheirGroupCommand(t *testing.T) {
	setup(t, newEngine(0))
	var discard bytes.Buffer
	c := cli.New(cli.Streams{In: cli.NewIn(strings.NewReader("")), Out: cli.NewOut(&discard), Err: cli.NewOut(&discard)})
	root := commands.NewRootCommand(c)
	checked := 0
	for _, cmd := range root.Commands() {
		if cmd.HasSubCommands() || cmd.Name() == "inspect" { // docker inspect is not container inspect
			continue
		}
		for _, group := range []string{"container", "image", "system"} {
			sub, _, err := root.Find([]string{group, cmd.Name()})
			if err != nil || sub == nil || sub.Name() != cmd.Name() || sub.Parent().Name() != group {
				continue
			}
			checked++
			for _, word := range []string{"", "--"} {
				got, gotDirective := complete(t, cmd.Name(), word)
				want, wantDirective := complete(t, group, cmd.Name(), word)
				if strings.Join(got, "\n") != strings.Join(want, "\n") || gotDirective != wantDirective {
					t.Errorf("%s %q: %q %s, %s %s %q: %q %s", cmd.Name(), word, got, gotDirective, group, cmd.Name(), word, want, wantDirective)
				}
			}
			break // the first group that has it (rm is container rm, not image rm)
		}
	}
	if checked < 30 {
		t.Fatalf("only %d shortcuts found in the tree", checked)
	}
}
