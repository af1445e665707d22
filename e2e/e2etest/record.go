package e2etest

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// Every run's output is kept, one file per test binary, so that Main can
// check, after the tests, that the registry's password never reached an
// output, an engine log or a registry log.

// OutputDir holds the recorded outputs: $E2E_OUTPUT_DIR, else
// $E2E_STATE/e2e-output (make e2e empties it first), else a directory
// under the system's temp dir.
func OutputDir() string {
	if d := os.Getenv("E2E_OUTPUT_DIR"); d != "" {
		return d
	}
	if s := os.Getenv("E2E_STATE"); s != "" {
		return filepath.Join(s, "e2e-output")
	}
	return filepath.Join(os.TempDir(), fmt.Sprintf("e2e-output-%d", os.Getuid()))
}

var (
	recordMu   sync.Mutex
	recordFile *os.File
	recordDir  string
	// leaks are the tests whose output, too large to keep whole, held the
	// password.
	leaks []string
)

// maxRecord bounds what is kept of one output: a larger one (a log test's
// megabytes) is checked whole when recorded and kept as its head and tail.
const maxRecord = 1 << 20

// Record adds output that a test got from the binary by other means than
// Run (a terminal, a process it drives itself) to what Main checks.
func Record(t testing.TB, output string) {
	recordMu.Lock()
	defer recordMu.Unlock()
	if dir := OutputDir(); recordFile == nil || dir != recordDir {
		if recordFile != nil {
			recordFile.Close()
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatalf("e2e output log: %v", err)
		}
		name := fmt.Sprintf("%s-%d.log", filepath.Base(os.Args[0]), os.Getpid())
		f, err := os.OpenFile(filepath.Join(dir, name), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
		if err != nil {
			t.Fatalf("e2e output log: %v", err)
		}
		recordFile, recordDir = f, dir
	}
	if len(output) > maxRecord {
		if secret := os.Getenv("E2E_REG_PASS"); secret != "" && strings.Contains(output, secret) {
			leaks = append(leaks, t.Name())
		}
		output = output[:maxRecord/2] + "\n[... output elided ...]\n" + output[len(output)-maxRecord/2:]
	}
	fmt.Fprintf(recordFile, "=== %s\n%s\n", t.Name(), output)
}

func record(t testing.TB, r Result) {
	Record(t, "--- stdout:\n"+r.Stdout+"\n--- stderr:\n"+r.Stderr)
}

// checkSecrets looks for secret in every recorded output and in the
// engine's and the registry's logs; it names the files and lines that hold
// it (the secret itself masked).
func checkSecrets(secret string) error {
	if secret == "" {
		return nil
	}
	files, _ := filepath.Glob(filepath.Join(OutputDir(), "*.log"))
	if s := os.Getenv("E2E_STATE"); s != "" {
		files = append(files, filepath.Join(s, "dockerd.log"), filepath.Join(s, "registry.log"))
	}
	var found []string
	recordMu.Lock()
	for _, name := range leaks {
		found = append(found, "the output of "+name)
	}
	recordMu.Unlock()
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			continue // an engine that logs elsewhere
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 64<<10), 16<<20)
		for n := 1; sc.Scan(); n++ {
			if line := sc.Text(); strings.Contains(line, secret) {
				found = append(found, fmt.Sprintf("%s:%d: %s", name, n, strings.ReplaceAll(line, secret, "<PASSWORD>")))
			}
		}
		f.Close()
	}
	if len(found) > 0 {
		return fmt.Errorf("the registry password appears in %d line(s):\n%s", len(found), strings.Join(found, "\n"))
	}
	return nil
}
