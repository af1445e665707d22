package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestDependencies keeps out of the binary the modules whose package init
// alone costs start-up time (regexps compiled at init, telemetry set-up) or
// that would mean copying the reference implementation.
func TestDependencies(t *testing.T) {
	forbidden := []string{
		"github.com/distribution/reference",
		"github.com/opencontainers/go-digest",
		"github.com/docker/docker",
		"github.com/docker/cli",
		"go.opentelemetry.io",
	}
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	deps := strings.Fields(string(out))
	if len(deps) == 0 {
		t.Fatal("go list -deps listed nothing")
	}
	for _, dep := range deps {
		for _, f := range forbidden {
			// A module path, not a prefix: docker/docker-credential-helpers is fine.
			if dep == f || strings.HasPrefix(dep, f+"/") {
				t.Errorf("./cmd/docker depends on %s (forbidden: %s)", dep, f)
			}
		}
	}
}
