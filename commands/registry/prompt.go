package registry

import (
	"context"
	"fmt"
	"strings"

	"github.com/dockerclone/docker/cli"
)

// promptUsername asks on stdout; an empty answer takes def.
func promptUsername(ctx context.Context, s cli.Streams, def string) (string, error) {
	if def != "" {
		fmt.Fprintf(s.Out, "Username (%s): ", def)
	} else {
		fmt.Fprint(s.Out, "Username: ")
	}
	s.Out.Flush()
	line, err := cli.ReadLine(ctx, s.In)
	if err != nil {
		return "", err
	}
	if u := strings.TrimSpace(line); u != "" {
		return u, nil
	}
	return def, nil
}

// infoBox is the reference's "Info ->" note; styled with ANSI escapes when
// stderr is a terminal. Continuation lines are indented under the text.
func infoBox(styled bool, lines ...string) string {
	var b strings.Builder
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
			b.WriteString("\x1b[3m" + l + "\x1b[0m\n")
		} else {
			b.WriteString(l + "\n")
		}
	}
	return b.String()
}
