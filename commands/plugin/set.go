package plugin

import (
	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
)

func newSetCommand(c *cli.CLI) *cobra.Command {
	return &cobra.Command{
		Use:   "set PLUGIN KEY=VALUE [KEY=VALUE...]",
		Short: "Change settings for a plugin",
		Args:  cli.RequiresMinArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			client, err := c.Client(cmd.Context())
			if err != nil {
				return err
			}
			return client.PluginSet(cmd.Context(), args[0], args[1:])
		},
	}
}
