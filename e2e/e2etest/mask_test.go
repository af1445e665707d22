package e2etest

import (
	"strings"
	"testing"
)

func TestMask(t *testing.T) {
	id := strings.Repeat("0f337dd8", 8)
	tests := []struct {
		name, in, want string
	}{
		{"full ID", "Deleted: " + id + "\n", "Deleted: <ID>\n"},
		{"digest keeps its algorithm", "Digest: sha256:" + id, "Digest: sha256:<DIGEST>"},
		{"short ID in a table", "59b0127cd9d4   busybox", "<ID12>   busybox"},
		{"layer progress", "59b0127cd9d4: Pushed", "<ID12>: Pushed"},
		{"13 hex digits are not an ID", "59b0127cd9d4a", "59b0127cd9d4a"},
		{"unique name suffix is left alone", "e2e-run-3f9a1c2b5d", "e2e-run-3f9a1c2b5d"},
		{"RFC 3339 with nanoseconds", "2026-11-27T15:21:03.653921825Z", "<TIMESTAMP>"},
		{"RFC 3339 with offset", "2026-11-27T15:21:03+01:00", "<TIMESTAMP>"},
		{"Go time string", "2026-11-27 15:21:03 +0000 UTC|x", "<TIMESTAMP>|x"},
		{"seconds ago", "2 seconds ago   Up 1 second", "<TIME> ago   Up <TIME>"},
		{"about a minute", "About a minute ago", "<TIME> ago"},
		{"about an hour", "Up About an hour (healthy)", "Up <TIME> (healthy)"},
		{"less than a second", "Up Less than a second", "Up <TIME>"},
		{"exited", "Exited (0) 3 weeks ago", "Exited (0) <TIME> ago"},
		{"a size is not a time", "1.98MB 2 seconds", "1.98MB 2 seconds"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Mask(tt.in); got != tt.want {
				t.Errorf("Mask(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestSqueeze(t *testing.T) {
	in := "A        B  C\nx  y          \n"
	want := "A  B  C\nx  y\n"
	if got := Squeeze(in); got != want {
		t.Errorf("Squeeze(%q) = %q, want %q", in, got, want)
	}
}

func TestUniqueName(t *testing.T) {
	a, b := UniqueName(t, "E2E-Run"), UniqueName(t, "E2E-Run")
	if a == b {
		t.Errorf("two calls gave the same name %q", a)
	}
	if !strings.HasPrefix(a, "e2e-run-") || len(a) != len("e2e-run-")+10 || strings.ToLower(a) != a {
		t.Errorf("UniqueName = %q, want lower-case e2e-run-<10 hex>", a)
	}
}

// recorder catches the failures Golden reports.
type recorder struct {
	testing.TB
	failed bool
}

func (r *recorder) Helper()               {}
func (r *recorder) Errorf(string, ...any) { r.failed = true }
func (r *recorder) Fatalf(string, ...any) { r.failed = true }

func TestGolden(t *testing.T) {
	t.Chdir(t.TempDir())
	old := *update
	t.Cleanup(func() { *update = old })

	*update = true
	Golden(t, "ps", "a\n")
	*update = false
	for _, tt := range []struct {
		got      string
		wantFail bool
	}{{"a\n", false}, {"b\n", true}} {
		r := &recorder{TB: t}
		Golden(r, "ps", tt.got)
		if r.failed != tt.wantFail {
			t.Errorf("Golden(%q) failed=%v, want %v", tt.got, r.failed, tt.wantFail)
		}
	}
	r := &recorder{TB: t}
	Golden(r, "missing", "x")
	if !r.failed {
		t.Error("Golden passed without a golden file")
	}
}
