//go:build e2e

package registry

import (
	"strings"
	"testing"

	"github.com/dockerclone/docker/e2e/e2etest"
)

// The test machine has no internet: the daemon's failure to reach Docker
// Hub must come out as the reference prints it.
func TestSearchWithoutInternet(t *testing.T) {
	r := e2etest.Run(t, "search", "--limit", "3", "busybox")
	if r.Code != 1 || r.Stdout != "" ||
		!strings.HasPrefix(r.Stderr, `Error response from daemon: Get "https://index.docker.io/v1/search?q=busybox&n=3": `) {
		t.Fatalf("%s", r)
	}
	r = e2etest.Run(t, "search", "--limit", "101", "busybox")
	if r.Code != 1 || r.Stderr != "Error response from daemon: Limit 101 is outside the range of [1, 100]\n" {
		t.Fatalf("limit: %s", r)
	}
}
