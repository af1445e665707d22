//go:build e2e

// Package build holds end-to-end tests of docker build: the legacy builder
// over POST /build, and buildx standing in for it when installed.
package build

import (
	"fmt"
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
		if strings.HasPrefix(l, " ---> ") || stepID.MatchString(l) || strings.HasPrefix(l, "Removing intermediate container ") {
			continue
		}
		keep = append(keep, l)
	}
	return keep
}

// The engine's builder has its own dialect: Docker's "Step 1/2 : X" and
// " ---> id" after every step, Podman's (Buildah's) "STEP 1/2: X" and
// "--> id" after the steps that make a layer (not FROM).
var stepID = regexp.MustCompile(`(?m)^( ---> [0-9a-f]{12}|--> [0-9a-f]{11})$`)

// step is the line announcing step n of m.
func step(n, m int, instruction string) string {
	if e2etest.Podman() {
		return fmt.Sprintf("STEP %d/%d: %s", n, m, instruction)
	}
	return fmt.Sprintf("Step %d/%d : %s", n, m, instruction)
}

// cleanupSteps removes, when the test ends, the images a legacy build made
// for its steps (not the base image, Docker's first), unless something
// else uses them.
func cleanupSteps(t *testing.T, out string) {
	var ids []string
	for i, m := range stepID.FindAllStringSubmatch(out, -1) {
		if i > 0 || e2etest.Podman() {
			ids = append(ids, strings.Fields(m[1])[1])
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
