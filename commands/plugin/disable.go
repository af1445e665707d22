package plugin

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
)

func newDisableCommand(c *cli.CLI) *cobra.Command {
	var force bool
	cmd := &cobra.Command{
		Use:   "disable [OPTIONS] PLUGIN",
		Short: "Disable a plugin",
		Args:  cli.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			client, err := c.Client(cmd.Context())
			if err != nil {
				return err
			}
			if err := client.PluginDisable(cmd.Context(), args[0], force); err != nil {
				return err
			}
			fmt.Fprintln(c.Out, args[0])
			return nil
		},
	}
	cmd.Flags().BoolVarP(&force, "force", "f", false, "Force the disable of an active plugin")
	return cmd
}
