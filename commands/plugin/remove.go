package plugin

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
)

func newRemoveCommand(c *cli.CLI) *cobra.Command {
	var force bool
	cmd := &cobra.Command{
		Use:     "rm [OPTIONS] PLUGIN [PLUGIN...]",
		Aliases: []string{"remove"},
		Short:   "Remove one or more plugins",
		Args:    cli.RequiresMinArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return c.RunEach(cmd.Context(), args, func(ctx context.Context, client *engine.Client, name string) error {
				return client.PluginRemove(ctx, name, force)
			}, nil)
		},
	}
	cmd.Flags().BoolVarP(&force, "force", "f", false, "Force the removal of an active plugin")
	return cmd
}
