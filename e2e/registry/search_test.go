//go:build e2e

package registry

import (
	"net/http"
	"strings"
	"testing"

	"github.com/dockerclone/docker/e2e/e2etest"
)

// The test machine has no internet: the daemon's failure to reach Docker
// Hub must come out as the reference prints it.
func TestSearchWithoutInternet(t *testing.T) {
	r := e2etest.Run(t, "search", "--limit", "3", "busybox")
	if want := e2etest.DaemonError(t, http.MethodGet, "/images/search?limit=3&term=busybox") + "\n"; r.Code != 1 || r.Stdout != "" || r.Stderr != want ||
		!e2etest.Podman() && !strings.HasPrefix(r.Stderr, `Error response from daemon: Get "https://index.docker.io/v1/search?q=busybox&n=3": `) {
		t.Fatalf("want %q; got %s", want, r)
	}
	r = e2etest.Run(t, "search", "--limit", "101", "busybox")
	if want := e2etest.DaemonError(t, http.MethodGet, "/images/search?limit=101&term=busybox") + "\n"; r.Code != 1 || r.Stderr != want {
		t.Fatalf("limit: want %q; got %s", want, r)
	}
}
