package container

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
)

func newPauseCommand(c *cli.CLI) *cobra.Command {
	return &cobra.Command{
		Use:         "pause CONTAINER [CONTAINER...]",
		Short:       "Pause all processes within one or more containers",
		Args:        cli.RequiresMinArgs(1),
		Annotations: map[string]string{"aliases": "docker container pause, docker pause"},
		RunE: func(cmd *cobra.Command, args []string) error {
			return c.RunEach(cmd.Context(), args, func(ctx context.Context, client *engine.Client, id string) error {
				return client.ContainerPause(ctx, id)
			}, nil)
		},
	}
}
