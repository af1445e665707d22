package opts

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Lines are bounded as the reference bounds them: up to 64 KiB with the
// newline; one byte more is "token too long" (exit 125 from run/create).
func TestEnvFileLineLimit(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		name    string
		content string
		wantErr string
	}{
		{"64 KiB with the newline", "A=" + strings.Repeat("x", 64<<10-3) + "\n", ""},
		{"64 KiB without the newline", "A=" + strings.Repeat("x", 64<<10-2), "token too long"},
		{"over 64 KiB", "A=" + strings.Repeat("x", 70000) + "\nB=1\n", "invalid env file (PATH): bufio.Scanner: token too long"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(dir, "env")
			if err := os.WriteFile(path, []byte(tc.content), 0o600); err != nil {
				t.Fatal(err)
			}
			vars, err := ReadEnvFile(path, nil)
			switch {
			case tc.wantErr == "" && (err != nil || len(vars) != 1):
				t.Fatalf("%d vars, %v", len(vars), err)
			case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), strings.ReplaceAll(tc.wantErr, "PATH", path))):
				t.Fatalf("got %v, want %q", err, tc.wantErr)
			}
		})
	}
}

// An env file that never ends costs one line's worth.
func TestEnvFileNeverEnding(t *testing.T) {
	done := make(chan error, 1)
	go func() { _, err := ReadEnvFile("/dev/zero", nil); done <- err }()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "token too long") {
			t.Fatalf("got %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("still reading /dev/zero")
	}
}
