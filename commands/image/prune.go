package image

import (
	"context"
	"fmt"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/format"
	"github.com/dockerclone/docker/cli/opts"
)

const (
	pruneDanglingWarning = "WARNING! This will remove all dangling images.\nAre you sure you want to continue?"
	pruneAllWarning      = "WARNING! This will remove all images without at least one container associated to them.\nAre you sure you want to continue?"
)

type pruneOptions struct {
	all, force bool
	filters    *opts.Filter
}

func newPruneCommand(c *cli.CLI) *cobra.Command {
	o := pruneOptions{filters: opts.NewFilter()}
	cmd := &cobra.Command{
		Use:   "prune [OPTIONS]",
		Short: "Remove unused images",
		Args:  cli.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runPrune(cmd.Context(), c, o)
		},
	}
	f := cmd.Flags()
	f.BoolVarP(&o.all, "all", "a", false, "Remove all unused images, not just dangling ones")
	f.BoolVarP(&o.force, "force", "f", false, "Do not prompt for confirmation")
	f.Var(o.filters, "filter", `Provide filter values (e.g. "until=<timestamp>")`)
	return cli.MinAPICommand(cmd, "1.25")
}

// runPrune removes dangling images, or all unused ones with -a (sent as
// dangling=false), after asking unless forced.
func runPrune(ctx context.Context, c *cli.CLI, o pruneOptions) error {
	filters := c.PruneFilters(o.filters.Value())
	filters.Add("dangling", strconv.FormatBool(!o.all))
	warning := pruneDanglingWarning
	if o.all {
		warning = pruneAllWarning
	}
	if !o.force {
		if ok, err := c.Confirm(ctx, warning); err != nil || !ok {
			return err
		}
	}
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	report, err := client.ImagesPrune(ctx, filters)
	if err != nil {
		return err
	}
	if len(report.ImagesDeleted) > 0 {
		fmt.Fprintln(c.Out, "Deleted Images:")
		for _, it := range report.ImagesDeleted {
			if it.Untagged != "" {
				fmt.Fprintln(c.Out, "untagged: "+it.Untagged)
			}
			if it.Deleted != "" {
				fmt.Fprintln(c.Out, "deleted: "+it.Deleted)
			}
		}
		fmt.Fprintln(c.Out)
	}
	fmt.Fprintln(c.Out, "Total reclaimed space: "+format.HumanSize(int64(report.SpaceReclaimed)))
	return nil
}
