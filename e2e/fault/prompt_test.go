//go:build e2e

package fault

import (
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/dockerclone/docker/e2e/e2etest"
)

// Ctrl-C (or SIGTERM) at a [y/N] prompt ends the line and exits 0, nothing
// else printed, as with the reference. The prompt comes before any request.
func TestPromptInterrupted(t *testing.T) {
	noDaemon := []string{"DOCKER_HOST=unix:///nonexistent/docker.sock"}
	for _, tc := range []struct {
		name      string
		args      []string
		interrupt func(*e2etest.Terminal)
		wantTail  string
	}{
		{"ctrl-c container prune", []string{"container", "prune"}, func(tm *e2etest.Terminal) { tm.Send("\x03") }, "[y/N] ^C\r\n"},
		{"ctrl-c system prune", []string{"system", "prune"}, func(tm *e2etest.Terminal) { tm.Send("\x03") }, "[y/N] ^C\r\n"},
		{"sigterm image prune", []string{"image", "prune"}, func(tm *e2etest.Terminal) { tm.Signal(syscall.SIGTERM) }, "[y/N] \r\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tm := e2etest.StartTerminal(t, noDaemon, "", tc.args...)
			tm.Expect(`\[y/N\] $`)
			tc.interrupt(tm)
			if code := tm.Wait(10 * time.Second); code != 0 || !strings.HasSuffix(tm.Output(), tc.wantTail) {
				t.Fatalf("exit %d, terminal shows %q; want 0 and a tail %q", code, tm.Output(), tc.wantTail)
			}
		})
	}
}
