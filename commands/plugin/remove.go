package plugin

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
)

func newRemoveCommand(c *cli.CLI) *cobra.Command {
	var force bool
	cmd := cli.Command("rm [OPTIONS] PLUGIN [PLUGIN...]", "Remove one or more plugins", cli.RequiresMinArgs(1),
		func(cmd *cobra.Command, args []string) error {
			return c.RunEach(cmd.Context(), args, func(ctx context.Context, client *engine.Client, name string) error {
				return client.PluginRemove(ctx, name, force)
			}, nil)
		})
	cmd.Aliases = []string{"remove"}
	cmd.Flags().BoolVarP(&force, "force", "f", false, "Force the removal of an active plugin")
	return cmd
}
