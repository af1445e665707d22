package image

import (
	"context"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
)

const (
	pruneDanglingWarning = "WARNING! This will remove all dangling images.\nAre you sure you want to continue?"
	pruneAllWarning      = "WARNING! This will remove all images without at least one container associated to them.\nAre you sure you want to continue?"
)

type pruneOptions struct {
	cli.PruneFlags
	all bool
}

func newPruneCommand(c *cli.CLI) *cobra.Command {
	var o pruneOptions
	cmd := cli.Command("prune [OPTIONS]", "Remove unused images", cli.NoArgs,
		func(cmd *cobra.Command, args []string) error { return runPrune(cmd.Context(), c, &o) })
	f := cmd.Flags()
	f.BoolVarP(&o.all, "all", "a", false, "Remove all unused images, not just dangling ones")
	o.Add(f, "until=<timestamp>")
	return cli.MinAPICommand(cmd, "1.25")
}

// runPrune removes dangling images, or all unused ones with -a (sent as
// dangling=false), after asking unless forced.
func runPrune(ctx context.Context, c *cli.CLI, o *pruneOptions) error {
	filters := c.PruneFilters(o.Filter.Value())
	filters.Add("dangling", strconv.FormatBool(!o.all))
	warning := pruneDanglingWarning
	if o.all {
		warning = pruneAllWarning
	}
	if ok, err := o.Confirm(ctx, c, warning); err != nil || !ok {
		return err
	}
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	report, err := client.ImagesPrune(ctx, filters)
	if err != nil {
		return err
	}
	c.PrintPruned("Deleted Images:", cli.PrunedImageLines(report.ImagesDeleted))
	c.PrintReclaimed(report.SpaceReclaimed)
	return nil
}
