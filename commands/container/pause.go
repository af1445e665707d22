package container

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
)

func newPauseCommand(c *cli.CLI) *cobra.Command {
	return newCommand("pause CONTAINER [CONTAINER...]", "Pause all processes within one or more containers", cli.RequiresMinArgs(1),
		c.EachArg(func(ctx context.Context, client *engine.Client, id string) error {
			return client.ContainerPause(ctx, id)
		}))
}
