package format

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"time"
)

// The helpers of the --pretty layouts of the swarm inspect commands.

// Capitalize upper-cases the first letter and lower-cases the rest, as the
// reference shows states ("running" -> "Running") and times.
func Capitalize(s string) string {
	if s == "" {
		return ""
	}
	return strings.ToUpper(s[:1]) + strings.ToLower(s[1:])
}

// PrettyTime is a time as the --pretty layouts show it:
// "2026-12-06 15:41:40.688957574 +0000 utc".
func PrettyTime(t time.Time) string { return Capitalize(t.String()) }

// WriteLabels lists labels under title as " - key=value" (" - key" when the
// value is empty), sorted; nothing at all when there are none.
func WriteLabels(out io.Writer, title string, labels map[string]string) {
	if len(labels) == 0 {
		return
	}
	fmt.Fprintln(out, title)
	for _, k := range slices.Sorted(maps.Keys(labels)) {
		if v := labels[k]; v != "" {
			fmt.Fprintf(out, " - %s=%s\n", k, v)
		} else {
			fmt.Fprintf(out, " - %s\n", k)
		}
	}
}
