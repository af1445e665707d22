package container

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
)

func newUnpauseCommand(c *cli.CLI) *cobra.Command {
	return &cobra.Command{
		Use:         "unpause CONTAINER [CONTAINER...]",
		Short:       "Unpause all processes within one or more containers",
		Args:        cli.RequiresMinArgs(1),
		Annotations: map[string]string{"aliases": "docker container unpause, docker unpause"},
		RunE: func(cmd *cobra.Command, args []string) error {
			return c.RunEach(cmd.Context(), args, func(ctx context.Context, client *engine.Client, id string) error {
				return client.ContainerUnpause(ctx, id)
			}, nil)
		},
	}
}
