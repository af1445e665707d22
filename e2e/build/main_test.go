//go:build e2e

// Package build holds end-to-end tests of docker build: the legacy builder
// over POST /build, and buildx standing in for it when installed.
package build

import (
	"os"
	"path/filepath"
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
