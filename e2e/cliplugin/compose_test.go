//go:build e2e

package cliplugin

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dockerclone/docker/e2e/e2etest"
)

// The real compose plugin, run through our binary, drives a two-service
// project from up to down.
func TestCompose(t *testing.T) {
	install(t, "compose", "E2E_PLUGIN_COMPOSE")
	install(t, "buildx", "E2E_PLUGIN_BUILDX")
	env := cacheEnv(t)
	project := e2etest.UniqueName(t, "pl-compose")
	dir := t.TempDir()
	file := filepath.Join(dir, "compose.yaml")
	yaml := "services:\n" +
		"  web:\n    image: " + e2etest.Image + "\n    command: [\"sh\", \"-c\", \"echo hello-from-web; exec sleep 300\"]\n" +
		"  db:\n    image: " + e2etest.Image + "\n    command: [\"sh\", \"-c\", \"echo hello-from-db; exec sleep 300\"]\n"
	if err := os.WriteFile(file, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	compose := func(args ...string) e2etest.Result {
		t.Helper()
		return e2etest.RunEnv(t, env, append([]string{"compose", "-f", file, "-p", project}, args...)...)
	}
	t.Cleanup(func() {
		// t.Context is over by now: a plain run.
		bin, _ := e2etest.Binary()
		down := exec.Command(bin, "compose", "-f", file, "-p", project, "down", "-t", "0")
		down.Env = append(append(os.Environ(), env...), "DOCKER_CONFIG="+e2etest.ConfigDir(t))
		down.Run()
	})

	if r := e2etest.RunEnv(t, env, "compose", "version"); r.Code != 0 || r.Stdout != "Docker Compose version v5.6.0\n" {
		t.Errorf("compose version:\n%s", r)
	}
	if r := e2etest.RunEnv(t, env, "--help"); !strings.Contains(r.Stdout, "\n  buildx*     Docker Buildx\n") ||
		!strings.Contains(r.Stdout, "\n  compose*    Docker Compose\n") || !strings.Contains(r.Stdout, "\n  build       Build an image from a Dockerfile\n  bake        Build from a file\n") {
		t.Errorf("--help with compose and buildx:\n%s", r)
	}
	if r := compose("up", "-d"); r.Code != 0 {
		t.Fatalf("up -d:\n%s", r)
	}
	r := compose("ps", "--format", "{{.Service}} {{.State}}")
	if r.Code != 0 || r.Stdout != "db running\nweb running\n" {
		t.Errorf("ps:\n%s", r)
	}
	r = compose("logs", "--no-color", "web")
	if r.Code != 0 || !strings.Contains(r.Stdout, "hello-from-web") {
		t.Errorf("logs:\n%s", r)
	}
	if r = compose("exec", "-T", "db", "echo", "exec-ok"); r.Code != 0 || r.Stdout != "exec-ok\n" {
		t.Errorf("exec:\n%s", r)
	}
	if r = compose("exec", "-T", "db", "sh", "-c", "exit 5"); r.Code != 5 {
		t.Errorf("exec's exit code:\n%s", r)
	}
	if r = compose("down", "-t", "0"); r.Code != 0 {
		t.Errorf("down:\n%s", r)
	}
	if r = compose("ps", "-a", "-q"); r.Code != 0 || r.Stdout != "" {
		t.Errorf("ps after down:\n%s", r)
	}
}
