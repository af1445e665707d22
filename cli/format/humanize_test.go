package format

import (
	"testing"
	"time"
)

func TestEllipsis(t *testing.T) {
	tests := []struct {
		in   string
		max  int
		want string
	}{
		{"sh -c 'echo a very long command here'", 20, "sh -c 'echo a very …"},
		{"short", 20, "short"},
		{"exactly-twenty-chars", 20, "exactly-twenty-chars"},
		{"abc", 0, ""},
		{"abc", 1, "a"},
		{"日本語", 1, "日"},
		{"日本語日本語", 6, "日本…"},     // 5 cells fit before "…": two wide runes
		{"日本語日本語", 7, "日本語…"},    // 6 cells + "…"
		{"日本語日本語", 12, "日本語日本語"}, // fits
		{"日本", 2, "日本"},          // not even one rune fits before "…"
		{"a\tb\tc", 4, "a\tb…"},  // single-byte strings count bytes
		{"", 5, ""},
	}
	for _, tt := range tests {
		if got := Ellipsis(tt.in, tt.max); got != tt.want {
			t.Errorf("Ellipsis(%q, %d) = %q, want %q", tt.in, tt.max, got, tt.want)
		}
	}
}

func TestHumanize(t *testing.T) {
	if got := HumanDuration(90 * time.Second); got != "About a minute" {
		t.Errorf("HumanDuration(90s) = %q", got)
	}
	if got := HumanDuration(500 * time.Millisecond); got != "Less than a second" {
		t.Errorf("HumanDuration(0.5s) = %q", got)
	}
	if got := HumanSizeWithPrecision(1983717, 3); got != "1.98MB" {
		t.Errorf("HumanSizeWithPrecision = %q", got)
	}
	if got := HumanSize(1983717); got != "1.984MB" {
		t.Errorf("HumanSize = %q", got)
	}
	if got := HumanSize(0); got != "0B" {
		t.Errorf("HumanSize(0) = %q", got)
	}
}
