package cli

import "strings"

// Note is the reference's "Info ->" notice: the first line after the label,
// the others indented under it.
type Note struct {
	Lines []string
	Bold  []string // words drawn in bold when styled (flags, commands)
}

// Render returns the note, styled with ANSI escapes (a badge, italic text)
// when styled is set, as the reference does on a terminal.
func (n Note) Render(styled bool) string {
	var b strings.Builder
	for i, l := range n.Lines {
		switch {
		case i == 0 && styled:
			b.WriteString("\x1b[1m\x1b[106m\x1b[30mi\x1b[0m\x1b[0m \x1b[96mInfo \u2192 \x1b[0m\x1b[0m")
		case i == 0:
			b.WriteString(" Info -> ")
		default:
			b.WriteString("         ")
		}
		if styled {
			for _, w := range n.Bold {
				l = strings.ReplaceAll(l, w, "\x1b[1m"+w+"\x1b[0m")
			}
			l = "\x1b[3m" + l + "\x1b[0m"
		}
		b.WriteString(l + "\n")
	}
	return b.String()
}
