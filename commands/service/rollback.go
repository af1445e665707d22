package service

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
)

func newRollbackCommand(c *cli.CLI) *cobra.Command {
	cmd, o := newServiceCommand(c, "rollback [OPTIONS] SERVICE", "Revert changes to a service's configuration", cli.ExactArgs(1),
		func(ctx context.Context, c *cli.CLI, o *serviceOptions, args []string) error {
			// The daemon returns to the previous spec; it is followed like an update.
			return sendUpdate(ctx, c, o, args[0], engine.ServiceUpdateOptions{Rollback: true, NoAuthFrom: true}, nil)
		})
	addWaitFlags(cmd, o)
	cmd.Flags().BoolVarP(&o.quiet, "quiet", "q", false, "Suppress progress output")
	return cli.MinAPICommand(cmd, "1.31")
}

// addWaitFlags declares --detach (rollback and scale).
func addWaitFlags(cmd *cobra.Command, o *serviceOptions) {
	cmd.Flags().BoolVarP(&o.detach, "detach", "d", false, "Exit immediately instead of waiting for the service to converge")
}
