//go:build e2e

package container

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/dockerclone/docker/e2e/e2etest"
)

// The tests use --network none: they need no network and it keeps them fast.

func TestRunOutputAndExitCode(t *testing.T) {
	r := e2etest.Run(t, "run", "--rm", "--network", "none", e2etest.Image, "sh", "-c", "echo out; echo err >&2; exit 3")
	if r.Code != 3 || r.Stdout != "out\n" || r.Stderr != "err\n" {
		t.Fatalf("want exit 3, stdout %q, stderr %q; got\n%s", "out\n", "err\n", r)
	}
}

func TestRunErrorsMapToExitCodes(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string // prefix
	}{
		// Named: below API 1.25 --rm is the client's, and a container that
		// never started is left behind.
		{"command not found", []string{"run", "--rm", "--name", e2etest.ContainerName(t, "hx-127"), "--network", "none", e2etest.Image, "nosuchcommand"}, 127, "docker: Error response from daemon: "},
		{"not executable", []string{"run", "--rm", "--name", e2etest.ContainerName(t, "hx-126"), "--network", "none", e2etest.Image, "/etc"}, 126, "docker: Error response from daemon: "},
		{"unknown flag", []string{"run", "--no-such-flag", e2etest.Image}, 125, "unknown flag: --no-such-flag\n"},
		{"bad reference", []string{"run", "--rm", "UPPER/Case:bad"}, 125, "docker: invalid reference format: repository name (Case) must be lowercase\n\nRun 'docker run --help' for more information\n"},
		{"bad pull value", []string{"run", "--pull", "bogus", e2etest.Image}, 125, `docker: invalid pull option: 'bogus': must be one of "always", "missing" or "never"`},
		{"restart with rm", []string{"run", "--rm", "--restart", "always", e2etest.Image}, 125, "docker: conflicting options: cannot specify both --restart and --rm"},
		{"detach with attach", []string{"run", "-d", "-a", "stdout", e2etest.Image}, 1, "conflicting options: cannot specify both --attach and --detach\n"},
		{"tty without terminal", []string{"run", "-it", "--rm", e2etest.Image, "true"}, 1, "the input device is not a TTY\n"},
	}
	if e2etest.Podman() {
		// Podman sets the process up when the attach is prepared: the
		// attach is refused, and the reference reports only its status.
		for i := range tests[:2] {
			tests[i].code, tests[i].stderr = 1, "unable to upgrade to tcp, received 409\n"
		}
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := e2etest.Run(t, tc.args...)
			if r.Code != tc.code || !strings.HasPrefix(r.Stderr, tc.stderr) {
				t.Fatalf("want exit %d and stderr starting %q; got\n%s", tc.code, tc.stderr, r)
			}
		})
	}
}

func TestRunDetachedWithConfig(t *testing.T) {
	name := e2etest.ContainerName(t, "hx-run")
	args := []string{"run", "-d", "--name", name, "--network", "none",
		"-e", "FOO=bar", "-w", "/tmp", "-u", "nobody", "-l", "a=1", "-l", "b",
		"--restart", "on-failure:2", "-m", "64m"}
	newer := e2etest.IfAPI("1.25", "--stop-timeout", "7", "--init")
	args = append(append(args, newer...), e2etest.Image, "sh", "-c", "echo $FOO; pwd; id -u")
	r := e2etest.RunOK(t, args...)
	if !regexp.MustCompile(`^[0-9a-f]{64}\n$`).MatchString(r.Stdout) {
		t.Fatalf("run -d printed %q, want a full ID", r.Stdout)
	}
	id := strings.TrimSpace(r.Stdout)
	waitExited(t, id)
	logs := e2etest.RunOK(t, "logs", id)
	if logs.Stdout != "bar\n/tmp\n65534\n" {
		t.Errorf("container output %q", logs.Stdout)
	}
	var got struct {
		Config struct {
			Labels      map[string]string
			StopTimeout int
		}
		HostConfig struct {
			Memory        int64
			Init          bool
			RestartPolicy struct {
				Name              string
				MaximumRetryCount int
			}
		}
	}
	_, body := e2etest.API(t, http.MethodGet, "/containers/"+id+"/json", nil)
	if err := json.Unmarshal(body, &got); err != nil {
		t.Fatal(err)
	}
	if got.Config.Labels["a"] != "1" || got.Config.Labels["b"] != "" || len(got.Config.Labels) != 2 {
		t.Errorf("labels %v", got.Config.Labels)
	}
	if (got.Config.StopTimeout == 7) != (newer != nil) || got.HostConfig.Memory != 64<<20 || got.HostConfig.Init != (newer != nil) ||
		got.HostConfig.RestartPolicy.Name != "on-failure" || got.HostConfig.RestartPolicy.MaximumRetryCount != 2 {
		t.Errorf("config not applied: %+v", got)
	}
}

func waitExited(t *testing.T, id string) {
	t.Helper()
	for range 100 {
		_, body := e2etest.API(t, http.MethodGet, "/containers/"+id+"/json", nil)
		var st struct{ State struct{ Running bool } }
		_ = json.Unmarshal(body, &st)
		if !st.State.Running {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("container %s still running", id)
}

func TestRunStdinPipe(t *testing.T) {
	r := e2etest.RunStdin(t, "hi\n", "run", "--rm", "-i", "--network", "none", e2etest.Image, "cat")
	if r.Code != 0 || r.Stdout != "hi\n" {
		t.Fatalf("want hi and exit 0; got\n%s", r)
	}
}

// 100 MB through `run -i cat` must come back byte for byte (the half-close
// of stdin ends cat; the demultiplexer keeps frame boundaries).
func TestRunStdinLargeStream(t *testing.T) {
	data := make([]byte, 100<<20)
	rng := rand.NewChaCha8([32]byte{1})
	_, _ = rng.Read(data)
	r := e2etest.RunWith(t, e2etest.Options{Stdin: bytes.NewReader(data)},
		"run", "--rm", "-i", "--network", "none", e2etest.Image, "cat")
	if r.Code != 0 {
		t.Fatalf("exit %d, stderr %q", r.Code, r.Stderr)
	}
	if len(r.Stdout) != len(data) || r.Stdout != string(data) {
		t.Fatalf("got %d bytes back, want %d identical bytes", len(r.Stdout), len(data))
	}
}

func TestCreateStartAttached(t *testing.T) {
	name := e2etest.ContainerName(t, "hx-create")
	r := e2etest.RunOK(t, "create", "--name", name, "--network", "none", e2etest.Image, "sh", "-c", "echo started; exit 4")
	if !regexp.MustCompile(`^[0-9a-f]{64}\n$`).MatchString(r.Stdout) {
		t.Fatalf("create printed %q, want a full ID", r.Stdout)
	}
	s := e2etest.Run(t, "start", "-a", name)
	if s.Code != 4 || s.Stdout != "started\n" {
		t.Fatalf("start -a: want exit 4 and output; got\n%s", s)
	}
	missing := e2etest.UniqueName(t, "hx-missing")
	s = e2etest.Run(t, "start", name, missing)
	want := e2etest.NoSuchContainer(t, missing) + "\nError: failed to start containers: " + missing + "\n"
	if s.Code != 1 || s.Stdout != name+"\n" || s.Stderr != want {
		t.Fatalf("start with a missing container: want stdout %q, stderr %q; got\n%s", name+"\n", want, s)
	}
}
