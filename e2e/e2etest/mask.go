package e2etest

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Output that changes from run to run, in the order it is masked: digests
// before bare IDs so "sha256:" stays readable, long IDs before short ones.
var masks = []struct {
	re   *regexp.Regexp
	with string
}{
	{regexp.MustCompile(`sha256:[0-9a-f]{64}\b`), "sha256:<DIGEST>"},
	{regexp.MustCompile(`\b[0-9a-f]{64}\b`), "<ID>"},
	{regexp.MustCompile(`\b[0-9a-f]{12}\b`), "<ID12>"},
	// RFC 3339 as in inspect, and Go's time.String as in {{.CreatedAt}}.
	{regexp.MustCompile(`\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})`), "<TIMESTAMP>"},
	{regexp.MustCompile(`\b\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d+)? [+-]\d{4} [A-Z]{2,5}\b`), "<TIMESTAMP>"},
	// Human durations ("2 seconds ago", "Up About a minute").
	{regexp.MustCompile(`\b(?:Less than a second|About an? (?:minute|hour)|\d+ (?:second|minute|hour|day|week|month|year)s?) ago\b`), "<TIME> ago"},
	{regexp.MustCompile(`\bUp (?:Less than a second|About an? (?:minute|hour)|\d+ (?:second|minute|hour|day|week|month|year)s?)\b`), "Up <TIME>"},
}

// Mask replaces what differs between runs (IDs, digests, timestamps, human
// durations) with fixed placeholders so output can be compared with a
// golden file.
func Mask(s string) string {
	for _, m := range masks {
		s = m.re.ReplaceAllString(s, m.with)
	}
	return s
}

var spaceRun = regexp.MustCompile(` {2,}`)

// Squeeze collapses every run of two or more spaces to exactly two and trims
// trailing spaces, so a table whose column widths depend on masked values
// compares stably. Column alignment itself is the unit goldens' job.
func Squeeze(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(spaceRun.ReplaceAllString(l, "  "), " ")
	}
	return strings.Join(lines, "\n")
}

var update = flag.Bool("update", false, "rewrite the e2e golden files with the current output")

// Golden compares got with testdata/<name>.golden in the test's package
// directory; with -update it writes got there instead.
func Golden(t testing.TB, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (run with -update to accept)\n--- got:\n%s\n--- want:\n%s", path, got, want)
	}
}
