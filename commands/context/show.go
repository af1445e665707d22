package context

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
)

func newShowCommand(c *cli.CLI) *cobra.Command {
	return cli.Command("show", "Print the name of the current context", cli.NoArgs, func(*cobra.Command, []string) error {
		name, err := currentName(c)
		if err != nil {
			return err
		}
		fmt.Fprintln(c.Out, name)
		return nil
	})
}
