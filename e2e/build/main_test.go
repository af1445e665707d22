//go:build e2e

// Package build holds end-to-end tests of docker build: the legacy builder
// over POST /build, and buildx standing in for it when installed.
package build

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/dockerclone/docker/e2e/e2etest"
)

func TestMain(m *testing.M) { e2etest.Main(m) }

// legacyNotice is what the legacy builder prints on stderr first.
const legacyNotice = "DEPRECATED: The legacy builder is deprecated and will be removed in a future release.\n" +
	"            Install the buildx component to build images with BuildKit:\n" +
	"            https://docs.docker.com/go/buildx/\n\n"

// context writes files (path -> content) into a new build context.
func context(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// lines are the output's lines that are not intermediate container IDs
// or cache notes, which vary from run to run.
func lines(out string) []string {
	var keep []string
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, " ---> ") || strings.HasPrefix(l, "Removing intermediate container ") {
			continue
		}
		keep = append(keep, l)
	}
	return keep
}

var stepID = regexp.MustCompile(`(?m)^ ---> ([0-9a-f]{12})$`)

// cleanupSteps removes, when the test ends, the images a legacy build made
// for its steps (not the first, its base image), unless something else
// uses them.
func cleanupSteps(t *testing.T, out string) {
	var ids []string
	for i, m := range stepID.FindAllStringSubmatch(out, -1) {
		if i > 0 {
			ids = append(ids, m[1])
		}
	}
	docker(t, append([]string{"rmi"}, ids...)...)
}

// docker runs the binary when the test ends (t.Context is over by then),
// ignoring the outcome: it only tidies the engine.
func docker(t *testing.T, args ...string) {
	if len(args) < 2 {
		return
	}
	config := t.TempDir()
	t.Cleanup(func() {
		bin, _ := e2etest.Binary()
		cmd := exec.Command(bin, args...)
		cmd.Env = append(os.Environ(), "DOCKER_CONFIG="+config)
		cmd.Run()
	})
}
