package checkpoint

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
)

func newCreateCommand(c *cli.CLI) *cobra.Command {
	var leaveRunning bool
	var dir string
	cmd := cli.Command("create [OPTIONS] CONTAINER CHECKPOINT", "Create a checkpoint from a running container", cli.ExactArgs(2),
		func(cmd *cobra.Command, args []string) error {
			return c.PrintName(cmd.Context(), args[1], func(ctx context.Context, client *engine.Client, name string) error {
				return client.CheckpointCreate(ctx, args[0], name, dir, !leaveRunning)
			})
		})
	cmd.Flags().BoolVar(&leaveRunning, "leave-running", false, "Leave the container running after checkpoint")
	addDirFlag(cmd, &dir)
	return cmd
}
