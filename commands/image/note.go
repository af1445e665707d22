package image

import "strings"

// pushPlatformNote is the note push --platform prints on stdout before
// pushing: plain, or styled with ANSI escapes (badge, italics, the flag in
// bold) when stdout is a terminal. Continuation lines are indented under the
// text, and the note ends with an empty indented line.
func pushPlatformNote(styled bool) string {
	lines := []string{
		"Using --platform pushes only the specified platform manifest of a multi-platform image index.",
		"Other components, like attestations, will not be included.",
		"To push the complete multi-platform image, remove the --platform flag.",
		"",
	}
	var b strings.Builder
	b.WriteString("\n")
	for i, l := range lines {
		switch {
		case i == 0 && styled:
			b.WriteString("\x1b[1m\x1b[106m\x1b[30mi\x1b[0m\x1b[0m \x1b[96mInfo \u2192 \x1b[0m\x1b[0m")
		case i == 0:
			b.WriteString(" Info -> ")
		default:
			b.WriteString("         ")
		}
		if styled {
			l = strings.ReplaceAll(l, "--platform", "\x1b[1m--platform\x1b[0m")
			l = "\x1b[3m" + l + "\x1b[0m"
		}
		b.WriteString(l + "\n")
	}
	return b.String()
}
