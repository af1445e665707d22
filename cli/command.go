package cli

import (
	"strings"

	"github.com/spf13/cobra"
)

// Command is a leaf command with the fields every one of them sets: its use
// line, one-line description, argument rule and what it runs. aliases, when
// given, are the names its help lists ("docker container ls", "docker ps").
// Other fields are set on the result.
func Command(use, short string, args cobra.PositionalArgs, run func(*cobra.Command, []string) error, aliases ...string) *cobra.Command {
	cmd := &cobra.Command{Use: use, Short: short, Args: args, RunE: run}
	if len(aliases) > 0 {
		cmd.Annotations = map[string]string{"aliases": strings.Join(aliases, ", ")}
	}
	return cmd
}
