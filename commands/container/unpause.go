package container

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
)

func newUnpauseCommand(c *cli.CLI) *cobra.Command {
	return newCommand("unpause CONTAINER [CONTAINER...]", "Unpause all processes within one or more containers", cli.RequiresMinArgs(1),
		c.EachArg(func(ctx context.Context, client *engine.Client, id string) error {
			return client.ContainerUnpause(ctx, id)
		}))
}
