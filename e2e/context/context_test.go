//go:build e2e

package context

import (
	"os"
	"strings"
	"testing"

	"github.com/dockerclone/docker/e2e/e2etest"
)

// TestContextOverUnixSocket creates a context for the test engine, switches
// to it and reaches the engine through it with DOCKER_HOST unset.
func TestContextOverUnixSocket(t *testing.T) {
	host := os.Getenv("DOCKER_HOST")
	noHost := e2etest.Options{Env: []string{"DOCKER_HOST="}}
	name := e2etest.UniqueName(t, "hx-ctx")

	r := e2etest.RunWith(t, noHost, "context", "create", name, "--description", "e2e engine", "--docker", "host="+host)
	if r.Code != 0 || r.Stdout != name+"\n" || r.Stderr != "Successfully created context \""+name+"\"\n" {
		t.Fatalf("create: %s", r)
	}
	r = e2etest.RunWith(t, noHost, "context", "use", name)
	if r.Code != 0 || r.Stderr != "Current context is now \""+name+"\"\n" {
		t.Fatalf("use: %s", r)
	}
	r = e2etest.RunWith(t, noHost, "context", "ls", "--format", "{{.Name}}|{{.Current}}|{{.DockerEndpoint}}")
	if !strings.Contains(r.Stdout, name+"|true|"+host+"\n") || !strings.Contains(r.Stdout, "default|false|") {
		t.Errorf("ls: %s", r)
	}
	r = e2etest.RunWith(t, noHost, "version", "--format", "{{.Client.Context}} {{.Server.APIVersion}}")
	if r.Code != 0 || !strings.HasPrefix(r.Stdout, name+" 1.") {
		t.Errorf("version through the context: %s", r)
	}
	r = e2etest.RunWith(t, noHost, "ps", "-a", "--filter", "name=hx-never-such-container")
	if r.Code != 0 || !strings.HasPrefix(r.Stdout, "CONTAINER ID") {
		t.Errorf("ps through the context: %s", r)
	}
	// DOCKER_HOST wins over the current context, with a warning from ls.
	r = e2etest.RunEnv(t, []string{"DOCKER_HOST=unix:///nonexistent/docker.sock"}, "context", "show")
	if r.Stdout != "default\n" {
		t.Errorf("show with DOCKER_HOST: %s", r)
	}
	r = e2etest.RunWith(t, noHost, "context", "rm", name)
	if r.Code != 1 || r.Stderr != "context \""+name+"\" is in use, set -f flag to force remove\n" {
		t.Errorf("rm current: %s", r)
	}
	e2etest.RunWith(t, noHost, "context", "rm", "-f", name)
	r = e2etest.RunWith(t, noHost, "context", "show")
	if r.Stdout != "default\n" {
		t.Errorf("show after rm -f: %s", r)
	}
}

// TestMissingContext checks the message every daemon command gives.
func TestMissingContext(t *testing.T) {
	r := e2etest.Run(t, "--context", "hx-absent", "ps")
	want := `Failed to initialize: unable to resolve docker endpoint: context "hx-absent": context not found: open `
	if r.Code != 1 || !strings.HasPrefix(r.Stderr, want) || !strings.HasSuffix(r.Stderr, "/meta.json: no such file or directory\n") {
		t.Errorf("%s", r)
	}
	r = e2etest.Run(t, "--context", "hx-absent", "-H", "unix:///x", "ps")
	if r.Code != 1 || r.Stderr != "conflicting options: cannot specify both --host and --context\n" {
		t.Errorf("conflict: %s", r)
	}
}
