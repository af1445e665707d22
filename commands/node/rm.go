package node

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
)

func newRemoveCommand(c *cli.CLI) *cobra.Command {
	var force bool
	cmd := cli.NewRemoveCommand(c, "rm [OPTIONS] NODE [NODE...]", "Remove one or more nodes from the swarm",
		func(client *engine.Client, ctx context.Context, name string) error {
			return client.NodeRemove(ctx, name, force)
		})
	cmd.Flags().BoolVarP(&force, "force", "f", false, "Force remove a node from the swarm")
	return cmd
}
