package container

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
)

// newKillCommand signals every container concurrently; without -s the
// daemon sends SIGKILL.
func newKillCommand(c *cli.CLI) *cobra.Command {
	var signal string
	cmd := newCommand("kill [OPTIONS] CONTAINER [CONTAINER...]", "Kill one or more running containers", cli.RequiresMinArgs(1),
		c.EachArg(func(ctx context.Context, client *engine.Client, id string) error {
			return client.ContainerKill(ctx, id, signal)
		}))
	cmd.Flags().StringVarP(&signal, "signal", "s", "", "Signal to send to the container")
	return cmd
}
