package context

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
)

func newShowCommand(c *cli.CLI) *cobra.Command {
	return &cobra.Command{
		Use:   "show",
		Short: "Print the name of the current context",
		Args:  cli.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			name, err := currentName(c)
			if err != nil {
				return err
			}
			fmt.Fprintln(c.Out, name)
			return nil
		},
	}
}
