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
