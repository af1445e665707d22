package plugin

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
)

func newDisableCommand(c *cli.CLI) *cobra.Command {
	var force bool
	cmd := cli.Command("disable [OPTIONS] PLUGIN", "Disable a plugin", cli.ExactArgs(1),
		func(cmd *cobra.Command, args []string) error {
			return c.PrintName(cmd.Context(), args[0], func(ctx context.Context, client *engine.Client, name string) error {
				return client.PluginDisable(ctx, name, force)
			})
		})
	cmd.Flags().BoolVarP(&force, "force", "f", false, "Force the disable of an active plugin")
	return cmd
}
