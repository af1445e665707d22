package container

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
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
	return cmd
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
	c.PrintPruned("Deleted Containers:", report.Deleted)
	c.PrintReclaimed(report.SpaceReclaimed)
	return nil
}
