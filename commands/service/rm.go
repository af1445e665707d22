package service

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
)

func newRemoveCommand(c *cli.CLI) *cobra.Command {
	return &cobra.Command{
		Use:     "rm SERVICE [SERVICE...]",
		Aliases: []string{"remove"},
		Short:   "Remove one or more services",
		Args:    cli.RequiresMinArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return c.RunInOrder(cmd.Context(), args, func(ctx context.Context, client *engine.Client, name string) error {
				return client.ServiceRemove(ctx, name)
			})
		},
	}
}
