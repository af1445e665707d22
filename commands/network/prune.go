package network

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/opts"
)

const pruneWarning = "WARNING! This will remove all custom networks not used by at least one container.\nAre you sure you want to continue?"

type pruneOptions struct {
	force   bool
	filters *opts.Filter
}

func newPruneCommand(c *cli.CLI) *cobra.Command {
	o := pruneOptions{filters: opts.NewFilter()}
	cmd := &cobra.Command{
		Use:   "prune [OPTIONS]",
		Short: "Remove all unused networks",
		Args:  cli.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runPrune(cmd.Context(), c, o)
		},
	}
	cmd.Flags().BoolVarP(&o.force, "force", "f", false, "Do not prompt for confirmation")
	cmd.Flags().Var(o.filters, "filter", `Provide filter values (e.g. "until=<timestamp>")`)
	return cli.MinAPICommand(cmd, "1.25")
}

// runPrune asks first unless forced; declining is not an error.
func runPrune(ctx context.Context, c *cli.CLI, o pruneOptions) error {
	if !o.force {
		if ok, err := c.Confirm(ctx, pruneWarning); err != nil || !ok {
			return err
		}
	}
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	deleted, err := client.NetworksPrune(ctx, c.PruneFilters(o.filters.Value()))
	if err != nil {
		return err
	}
	if len(deleted) > 0 {
		fmt.Fprintln(c.Out, "Deleted Networks:")
		for _, n := range deleted {
			fmt.Fprintln(c.Out, n)
		}
		fmt.Fprintln(c.Out)
	}
	return nil
}
