package container

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/format"
	"github.com/dockerclone/docker/cli/opts"
)

const containerPruneWarning = "WARNING! This will remove all stopped containers.\nAre you sure you want to continue?"

type containerPruneOptions struct {
	force   bool
	filters *opts.Filter
}

func newContainerPruneCommand(c *cli.CLI) *cobra.Command {
	o := containerPruneOptions{filters: opts.NewFilter()}
	cmd := &cobra.Command{
		Use:   "prune [OPTIONS]",
		Short: "Remove all stopped containers",
		Args:  cli.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runContainerPrune(cmd.Context(), c, o)
		},
	}
	cmd.Flags().BoolVarP(&o.force, "force", "f", false, "Do not prompt for confirmation")
	cmd.Flags().Var(o.filters, "filter", `Provide filter values (e.g. "until=<timestamp>")`)
	return cli.MinAPICommand(cmd, "1.25")
}

// runContainerPrune asks first unless forced; declining is not an error.
func runContainerPrune(ctx context.Context, c *cli.CLI, o containerPruneOptions) error {
	if !o.force {
		if ok, err := c.Confirm(ctx, containerPruneWarning); err != nil || !ok {
			return err
		}
	}
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	report, err := client.ContainersPrune(ctx, c.PruneFilters(o.filters.Value()))
	if err != nil {
		return err
	}
	if len(report.Deleted) > 0 {
		fmt.Fprintln(c.Out, "Deleted Containers:")
		for _, id := range report.Deleted {
			fmt.Fprintln(c.Out, id)
		}
		fmt.Fprintln(c.Out)
	}
	fmt.Fprintln(c.Out, "Total reclaimed space: "+format.HumanSize(int64(report.SpaceReclaimed)))
	return nil
}
