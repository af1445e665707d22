package service

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/service"
)

func newRollbackCommand(c *cli.CLI) *cobra.Command {
	var o serviceOptions
	cmd := &cobra.Command{
		Use:   "rollback [OPTIONS] SERVICE",
		Short: "Revert changes to a service's configuration",
		Args:  cli.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runRollback(cmd.Context(), c, &o, args[0])
		},
	}
	addWaitFlags(cmd, &o)
	cmd.Flags().BoolVarP(&o.quiet, "quiet", "q", false, "Suppress progress output")
	return cli.MinAPICommand(cmd, "1.31")
}

// runRollback asks the daemon to return to the previous spec and follows
// it like an update.
func runRollback(ctx context.Context, c *cli.CLI, o *serviceOptions, name string) error {
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	svc, _, err := client.ServiceInspect(ctx, name, false)
	if err != nil {
		return err
	}
	warnings, err := client.ServiceUpdate(ctx, svc.ID, svc.Version.Index, svc.Spec, engine.ServiceUpdateOptions{Rollback: true, NoAuthFrom: true})
	if err != nil {
		return err
	}
	service.PrintWarnings(c, warnings)
	fmt.Fprintln(c.Out, name)
	return o.wait(ctx, c, client, name)
}

// addWaitFlags declares --detach (rollback and scale).
func addWaitFlags(cmd *cobra.Command, o *serviceOptions) {
	cmd.Flags().BoolVarP(&o.detach, "detach", "d", false, "Exit immediately instead of waiting for the service to converge")
}
