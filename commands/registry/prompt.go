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

// promptPassword asks with echo off when stdin is a terminal; the newline
// the user typed is not echoed, so it is printed afterwards.
func promptPassword(ctx context.Context, s cli.Streams) (string, error) {
	// Echo goes off before the prompt shows, so nothing typed is echoed.
	restore, err := s.In.DisableEcho()
	if err != nil {
		return "", err
	}
	defer restore()
	fmt.Fprint(s.Out, "Password: ")
	s.Out.Flush()
	line, err := cli.ReadLine(ctx, s.In)
	fmt.Fprintln(s.Out)
	s.Out.Flush()
	return strings.TrimSpace(line), err
}
