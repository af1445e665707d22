//go:build e2e

package container

import (
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
