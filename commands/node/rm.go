package node

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
)

type removeOptions struct{ force bool }

func newRemoveCommand(c *cli.CLI) *cobra.Command {
	var o removeOptions
	cmd := &cobra.Command{
		Use:     "rm [OPTIONS] NODE [NODE...]",
		Aliases: []string{"remove"},
		Short:   "Remove one or more nodes from the swarm",
		Args:    cli.RequiresMinArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return c.RunInOrder(cmd.Context(), args, func(ctx context.Context, client *engine.Client, name string) error {
				return client.NodeRemove(ctx, name, o.force)
			})
		},
	}
	cmd.Flags().BoolVarP(&o.force, "force", "f", false, "Force remove a node from the swarm")
	return cmd
}
