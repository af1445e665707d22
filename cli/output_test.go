package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCheckOutput(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "file")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	c := New(Streams{In: NewIn(strings.NewReader("")), Out: NewOut(&bytes.Buffer{}), Err: NewOut(&bytes.Buffer{})})
	tests := []struct{ path, want string }{
		{"", ""}, // stdout, not a terminal here
		{filepath.Join(dir, "new.tar"), ""},
		{dir, "failed: cannot write to a directory"},
		{dir + "/", "failed: cannot write to a directory"},
		{filepath.Join(dir, "missing", "x.tar"), "failed: invalid output path: stat " + filepath.Join(dir, "missing") + ": no such file or directory"},
		{filepath.Join(dir, "missing") + "/", "failed: invalid output path: stat " + filepath.Join(dir, "missing") + ": no such file or directory"},
		{filepath.Join(file, "x.tar"), "failed: invalid output path: stat " + file + ": not a directory"},
	}
	for _, tt := range tests {
		got := ""
		if err := c.CheckOutput(tt.path, "failed"); err != nil {
			got = err.Error()
		}
		if got != tt.want {
			t.Errorf("CheckOutput(%q) = %q, want %q", tt.path, got, tt.want)
		}
	}
}

func TestWriteOutput(t *testing.T) {
	var stdout bytes.Buffer
	c := New(Streams{In: NewIn(strings.NewReader("")), Out: NewOut(&stdout), Err: NewOut(&bytes.Buffer{})})
	if err := c.WriteOutput("", "failed", strings.NewReader("archive")); err != nil || stdout.String() != "archive" {
		t.Fatalf("stdout: %q, %v", stdout.String(), err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "out.tar")
	if err := c.WriteOutput(path, "failed", strings.NewReader("archive")); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(path); err != nil || string(b) != "archive" {
		t.Fatalf("file: %q, %v", b, err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Fatalf("temporary file left behind: %v", entries)
	}
	err := c.WriteOutput(filepath.Join(dir, "missing", "x.tar"), "failed", strings.NewReader("archive"))
	if err == nil || !strings.HasPrefix(err.Error(), "failed: open "+filepath.Join(dir, "missing")+"/.docker_temp_") {
		t.Fatalf("error %v", err)
	}
}
