package network

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
)

const pruneWarning = "WARNING! This will remove all custom networks not used by at least one container.\nAre you sure you want to continue?"

func newPruneCommand(c *cli.CLI) *cobra.Command {
	var o cli.PruneFlags
	cmd := &cobra.Command{
		Use:   "prune [OPTIONS]",
		Short: "Remove all unused networks",
		Args:  cli.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runPrune(cmd.Context(), c, &o)
		},
	}
	o.Add(cmd.Flags(), "until=<timestamp>")
	return cli.MinAPICommand(cmd, "1.25")
}

// runPrune asks first unless forced; declining is not an error. The
// daemon reports no reclaimed space for networks, and none is printed.
func runPrune(ctx context.Context, c *cli.CLI, o *cli.PruneFlags) error {
	if ok, err := o.Confirm(ctx, c, pruneWarning); err != nil || !ok {
		return err
	}
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	deleted, err := client.NetworksPrune(ctx, c.PruneFilters(o.Filter.Value()))
	if err != nil {
		return err
	}
	c.PrintPruned("Deleted Networks:", deleted)
	return nil
}
