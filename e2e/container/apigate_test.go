//go:build e2e

package container

import (
	"testing"

	"github.com/dockerclone/docker/e2e/e2etest"
)

// TestFlagsNewerThanTheAPIAreRefused: with DOCKER_API_VERSION pinned below
// what a flag needs, the command fails before doing anything, as the
// reference does; at the version it needs, it runs.
func TestFlagsNewerThanTheAPIAreRefused(t *testing.T) {
	ctr := lcContainer(t, "hx-gate", true, false, nil, "sh", "-c", "echo hi; sleep 300")
	name := e2etest.ContainerName(t, "hx-gate-new")
	tests := []struct {
		api  string
		args []string
		err  string
	}{
		{"1.24", []string{"run", "--name", name, "--init", "--stop-timeout", "1", e2etest.Image, "true"},
			`"--init" requires API version 1.25, but the Docker daemon API version is 1.24` + "\n" +
				`"--stop-timeout" requires API version 1.25, but the Docker daemon API version is 1.24` + "\n"},
		{"1.31", []string{"create", "--name", name, "--platform", "linux/amd64", e2etest.Image},
			`"--platform" requires API version 1.32, but the Docker daemon API version is 1.31` + "\n"},
		{"1.31", []string{"pull", "--platform", "linux/amd64", e2etest.Image},
			`"--platform" requires API version 1.32, but the Docker daemon API version is 1.31` + "\n"},
		{"1.24", []string{"exec", "-e", "A=1", ctr, "true"},
			`"--env" requires API version 1.25, but the Docker daemon API version is 1.24` + "\n"},
		{"1.34", []string{"exec", "-w", "/", ctr, "pwd"},
			`"--workdir" requires API version 1.35, but the Docker daemon API version is 1.34` + "\n"},
		{"1.34", []string{"logs", "--until", "1s", ctr},
			`"--until" requires API version 1.35, but the Docker daemon API version is 1.34` + "\n"},
		{"1.24", []string{"container", "prune", "-f", "--filter", "label=hx-gate-none"},
			"docker container prune requires API version 1.25, but the Docker daemon API version is 1.24\n"},
	}
	for _, tt := range tests {
		r := e2etest.RunEnv(t, []string{"DOCKER_API_VERSION=" + tt.api}, tt.args...)
		if r.Code != 1 || r.Stdout != "" || r.Stderr != tt.err {
			t.Errorf("API %s, docker %q: want exit 1 and %q, got\n%s", tt.api, tt.args, tt.err, r)
		}
	}
	if e2etest.Exists(t, "container", name) {
		t.Error("a refused run or create left a container")
	}

	// At the version they need, the same flags go through.
	r := e2etest.RunEnv(t, []string{"DOCKER_API_VERSION=1.35"}, "exec", "-w", "/tmp", "-e", "A=1", ctr, "sh", "-c", "echo $A; pwd")
	if r.Code != 0 || r.Stdout != "1\n/tmp\n" {
		t.Errorf("exec at 1.35:\n%s", r)
	}
	r = e2etest.RunEnv(t, []string{"DOCKER_API_VERSION=1.35"}, "logs", "--until", "-1m", ctr)
	if r.Code != 0 || r.Stdout != "hi\n" {
		t.Errorf("logs --until at 1.35:\n%s", r)
	}
}

// TestFlagNewerThanTheEngineIsRefused: without DOCKER_API_VERSION the
// negotiated version decides, checked before the argument count.
func TestFlagNewerThanTheEngineIsRefused(t *testing.T) {
	r := e2etest.Run(t, "push", "--platform", "linux/amd64")
	if e2etest.APIBelow("1.46") {
		want := `"--platform" requires API version 1.46, but the Docker daemon API version is ` + e2etest.APIVersion() + "\n"
		if r.Code != 1 || r.Stderr != want {
			t.Fatalf("want exit 1 and %q, got\n%s", want, r)
		}
		return
	}
	if r.Code != 1 || r.Stderr != "docker: 'docker push' requires 1 argument\n\nUsage:  docker push [OPTIONS] NAME[:TAG]\n\nRun 'docker push --help' for more information\n" {
		t.Fatalf("API %s: got\n%s", e2etest.APIVersion(), r)
	}
}
