//go:build e2e

package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dockerclone/docker/e2e/e2etest"
)

// With the buildx plugin installed, docker build is buildx build against
// the same engine (its BuildKit); DOCKER_BUILDKIT=0 keeps the legacy builder.
func TestBuildThroughBuildx(t *testing.T) {
	path := os.Getenv("E2E_PLUGIN_BUILDX")
	if path == "" {
		t.Fatal("E2E_PLUGIN_BUILDX is not set: run make engine (scripts/plugins.sh builds buildx)")
	}
	plugins := filepath.Join(e2etest.ConfigDir(t), "cli-plugins")
	if err := os.MkdirAll(plugins, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(path, filepath.Join(plugins, "docker-buildx")); err != nil {
		t.Fatal(err)
	}
	env := []string{"XDG_CACHE_HOME=" + t.TempDir()}
	// BuildKit keeps a cache in the engine: cleared at the end (the legacy
	// prune, as the tidying run has no buildx).
	docker(t, "builder", "prune", "-a", "-f")
	name := e2etest.ImageName(t, "bl-buildx")
	dir := context(t, map[string]string{
		"Dockerfile": "FROM " + e2etest.Image + "\nRUN echo built-by-buildkit > /out\nCMD [\"cat\", \"/out\"]\n",
	})
	r := e2etest.RunEnv(t, env, "build", "--progress", "plain", "-t", name, dir)
	switch {
	case e2etest.Podman() && r.Code != 0:
		// Podman has no BuildKit: buildx runs one in a container of its
		// own, whose image it cannot pull without the internet.
		if !strings.HasPrefix(r.Stderr, "#0 building with \"default\" instance using docker-container driver\n") ||
			!strings.Contains(r.Stderr, "booting buildkit") || strings.Contains(r.Stderr, "DEPRECATED") {
			t.Fatalf("build through buildx on Podman:\n%s", r)
		}
	case r.Code != 0 || !strings.Contains(r.Stderr, "naming to docker.io/library/"+name) || strings.Contains(r.Stderr, "DEPRECATED"):
		t.Fatalf("build through buildx:\n%s", r)
	default:
		if run := e2etest.RunOK(t, "run", "--rm", name); run.Stdout != "built-by-buildkit\n" {
			t.Errorf("the image buildx built runs %q", run.Stdout)
		}
	}
	if r := e2etest.RunEnv(t, env, "buildx", "version"); r.Code != 0 || !strings.HasPrefix(r.Stdout, "github.com/docker/buildx v0.38.2 ") {
		t.Errorf("buildx version:\n%s", r)
	}
	r = e2etest.RunEnv(t, append(env, "DOCKER_BUILDKIT=0"), "build", "-q", "-t", e2etest.ImageName(t, "bl-legacy"), dir)
	if r.Code != 0 || !strings.HasPrefix(r.Stderr, "DEPRECATED: The legacy builder is deprecated and will be removed in a future release.\n"+
		"            BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0\n") {
		t.Errorf("DOCKER_BUILDKIT=0:\n%s", r)
	}
}
