package cli

import (
	"fmt"

	"github.com/spf13/cobra"
)

// argsError builds the reference's message for a wrong argument count (exit 1).
func argsError(cmd *cobra.Command, what, hint string) error {
	return Errorf(1, "docker: '%s' %s\n\nUsage:  %s\n\n%s '%s --help' for more information",
		cmd.CommandPath(), what, cmd.UseLine(), hint, cmd.CommandPath())
}

func plural(n int) string {
	if n == 1 {
		return "argument"
	}
	return "arguments"
}

// NoArgs accepts no positional arguments.
func NoArgs(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	if cmd.HasSubCommands() {
		return Errorf(1, "docker: unknown command: %s %s\n\nUsage:  %s\n\nRun '%s --help' for more information",
			cmd.CommandPath(), args[0], cmd.UseLine(), cmd.CommandPath())
	}
	return argsError(cmd, "accepts no arguments", "Run")
}

// ExactArgs requires exactly n arguments.
func ExactArgs(n int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) == n {
			return nil
		}
		return argsError(cmd, fmt.Sprintf("requires %d %s", n, plural(n)), "Run")
	}
}

// RequiresMinArgs requires at least n arguments.
func RequiresMinArgs(n int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) >= n {
			return nil
		}
		return argsError(cmd, fmt.Sprintf("requires at least %d %s", n, plural(n)), "See")
	}
}

// RequiresMaxArgs allows at most n arguments (the reference's message has a stray "S").
func RequiresMaxArgs(n int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) <= n {
			return nil
		}
		return argsError(cmd, fmt.Sprintf("requires at most %d %s", n, plural(n)), "SRun")
	}
}

// RequiresRangeArgs requires between min and max arguments.
func RequiresRangeArgs(min, max int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) >= min && len(args) <= max {
			return nil
		}
		return argsError(cmd, fmt.Sprintf("requires at least %d and at most %d %s", min, max, plural(max)), "Run")
	}
}
