//go:build e2e

package e2e

import (
	"strings"
	"testing"

	"github.com/dockerclone/docker/e2e/e2etest"
)

func TestVersionFlag(t *testing.T) {
	r := e2etest.Run(t, "--version")
	if r.Code != 0 {
		t.Fatalf("docker --version: %s", r)
	}
	if !strings.HasPrefix(r.Stdout, "Docker version ") || strings.Count(r.Stdout, "\n") != 1 {
		t.Errorf("docker --version printed %q, want one line starting with %q", r.Stdout, "Docker version ")
	}
	if r.Stderr != "" {
		t.Errorf("docker --version wrote to stderr: %q", r.Stderr)
	}
}
