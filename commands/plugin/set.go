package plugin

import (
	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
)

func newSetCommand(c *cli.CLI) *cobra.Command {
	return cli.Command("set PLUGIN KEY=VALUE [KEY=VALUE...]", "Change settings for a plugin", cli.RequiresMinArgs(2),
		func(cmd *cobra.Command, args []string) error {
			client, err := c.Client(cmd.Context())
			if err != nil {
				return err
			}
			return client.PluginSet(cmd.Context(), args[0], args[1:])
		})
}
