package swarm

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
)

type leaveOptions struct{ force bool }

func newLeaveCommand(c *cli.CLI) *cobra.Command {
	var o leaveOptions
	cmd := cli.Command("leave [OPTIONS]", "Leave the swarm", cli.NoArgs,
		func(cmd *cobra.Command, args []string) error { return runLeave(cmd.Context(), c, o) })
	cmd.Flags().BoolVarP(&o.force, "force", "f", false, "Force this node to leave the swarm, ignoring warnings")
	return cmd
}

func runLeave(ctx context.Context, c *cli.CLI, o leaveOptions) error {
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	if err := client.SwarmLeave(ctx, o.force); err != nil {
		return err
	}
	fmt.Fprintln(c.Out, "Node left the swarm.")
	return nil
}
