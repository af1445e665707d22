//go:build e2e

package container

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dockerclone/docker/e2e/e2etest"
)

// TestExitCodeAtEveryAPIVersion: run, start -a and run --rm pass the
// container's exit code through at every API version. Below 1.30 the engine
// ignores the wait condition and answers at once, so the exit is followed on
// the event stream; below 1.25 it ignores AutoRemove, so the client removes
// the container. On Podman a removed-wait always says 0.
func TestExitCodeAtEveryAPIVersion(t *testing.T) {
	for _, v := range []string{"1.24", "1.29", "1.30", "1.41"} {
		t.Run(v, func(t *testing.T) {
			env := []string{"DOCKER_API_VERSION=" + v}

			name := e2etest.UniqueName(t, "e2e-api")
			e2etest.CleanupContainer(t, name)
			r := e2etest.RunEnv(t, env, "run", "--name", name, e2etest.Image, "sh", "-c", "echo out; echo err >&2; exit 3")
			if r.Code != 3 || r.Stdout != "out\n" || r.Stderr != "err\n" {
				t.Errorf("run: want exit 3, out, err; got %s", r)
			}

			name = e2etest.UniqueName(t, "e2e-api-start")
			e2etest.CleanupContainer(t, name)
			e2etest.RunOK(t, "create", "--name", name, e2etest.Image, "sh", "-c", "echo started; exit 5")
			if r := e2etest.RunEnv(t, env, "start", "-a", name); r.Code != 5 || r.Stdout != "started\n" {
				t.Errorf("start -a: want exit 5 and its output; got %s", r)
			}

			name = e2etest.UniqueName(t, "e2e-api-rm")
			e2etest.CleanupContainer(t, name)
			if r := e2etest.RunEnv(t, env, "run", "--rm", "--name", name, e2etest.Image, "sh", "-c", "echo bye; exit 4"); r.Code != 4 || r.Stdout != "bye\n" || r.Stderr != "" {
				t.Errorf("run --rm: want exit 4 and its output; got %s", r)
			}
			if e2etest.Exists(t, "containers", name) {
				t.Errorf("run --rm left %s behind", name)
			}
		})
	}
}

// TestFlagsNewerThanTheEngine: a flag the engine's API version lacks is
// refused before anything is sent, with the reference's message; at the
// version that has it, it works.
func TestFlagsNewerThanTheEngine(t *testing.T) {
	name := e2etest.UniqueName(t, "e2e-gate")
	e2etest.CleanupContainer(t, name)
	e2etest.RunOK(t, "run", "-d", "--name", name, e2etest.Image, "sleep", "300")
	cases := []struct {
		flag, min, below string
		args             []string
	}{
		{"--until", "1.35", "1.34", []string{"logs", "--until", "1s", name}},
		{"--workdir", "1.35", "1.34", []string{"exec", "-w", "/tmp", name, "pwd"}},
		{"--env", "1.25", "1.24", []string{"exec", "-e", "A=1", name, "true"}},
		{"--init", "1.25", "1.24", []string{"run", "--rm", "--init", e2etest.Image, "true"}},
		{"--stop-timeout", "1.25", "1.24", []string{"run", "--rm", "--stop-timeout", "3", e2etest.Image, "true"}},
		{"--platform", "1.32", "1.31", []string{"run", "--rm", "--platform", "linux/amd64", e2etest.Image, "true"}},
		{"--platform", "1.32", "1.31", []string{"create", "--platform", "linux/amd64", e2etest.Image}},
	}
	for _, tc := range cases {
		t.Run(tc.args[0]+" "+tc.flag, func(t *testing.T) {
			r := e2etest.RunEnv(t, []string{"DOCKER_API_VERSION=" + tc.below}, tc.args...)
			want := fmt.Sprintf("%q requires API version %s, but the Docker daemon API version is %s\n", tc.flag, tc.min, tc.below)
			if r.Code != 1 || r.Stdout != "" || r.Stderr != want {
				t.Errorf("at %s: want exit 1 and %q; got %s", tc.below, want, r)
			}
			r = e2etest.RunEnv(t, []string{"DOCKER_API_VERSION=" + tc.min}, tc.args...)
			if r.Code != 0 {
				t.Errorf("at %s: %s", tc.min, r)
			}
			if tc.args[0] == "create" {
				e2etest.CleanupContainer(t, strings.TrimSpace(r.Stdout))
			}
		})
	}
}
