// Package deadline bounds a test step in time. It imports nothing of ours,
// so the lowest layers' tests (cli/engine, config) can use it too.
package deadline

import (
	"testing"
	"time"
)

// Within runs f and fails the test when it takes longer than d (an
// unbounded read, a hung connection).
func Within(t *testing.T, d time.Duration, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { defer close(done); f() }()
	select {
	case <-done:
	case <-time.After(d):
		t.Fatalf("no result within %s", d)
	}
}
