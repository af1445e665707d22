package e2etest

import (
	"bytes"
	"sync"
	"testing"
	"time"
)

// Output collects what a binary still running writes (a pipe or a
// terminal), safe to read meanwhile.
type Output struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (o *Output) Write(p []byte) (int, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.buf.Write(p)
}

func (o *Output) String() string {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.buf.String()
}

// WaitFor fails the test unless ok holds for the output within 20 seconds;
// what names the awaited state in the failure.
func (o *Output) WaitFor(t testing.TB, what string, ok func(out string) bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !ok(o.String()) {
		if time.Now().After(deadline) {
			t.Fatalf("no %s in the output:\n%q", what, o.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}
