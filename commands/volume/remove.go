package volume

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
)

type removeOptions struct{ force bool }

func newRemoveCommand(c *cli.CLI) *cobra.Command {
	var o removeOptions
	cmd := cli.Command("rm [OPTIONS] VOLUME [VOLUME...]", "Remove one or more volumes", cli.RequiresMinArgs(1),
		func(cmd *cobra.Command, args []string) error { return runRemove(cmd.Context(), c, o, args) })
	cmd.Aliases = []string{"remove"}
	cmd.Long = "Remove one or more volumes. You cannot remove a volume that is in use by a container."
	cmd.Flags().BoolVarP(&o.force, "force", "f", false, "Force the removal of one or more volumes")
	cli.MinAPI(cmd.Flags(), "1.25", "force")
	return cmd
}

// runRemove removes the volumes in order, printing each name removed; the
// failures are reported together at the end.
func runRemove(ctx context.Context, c *cli.CLI, o removeOptions, names []string) error {
	return c.RunInOrder(ctx, names, func(ctx context.Context, client *engine.Client, name string) error {
		return client.VolumeRemove(ctx, name, o.force)
	})
}
