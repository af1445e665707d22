package builder

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/opts"
)

const (
	pruneDanglingWarning = "WARNING! This will remove all dangling build cache. Are you sure you want to continue?"
	pruneAllWarning      = "WARNING! This will remove all build cache. Are you sure you want to continue?"
)

type pruneOptions struct {
	cli.PruneFlags
	all         bool
	keepStorage opts.MemBytes
}

func newPruneCommand(c *cli.CLI) *cobra.Command {
	var o pruneOptions
	cmd := cli.Command("prune", "Remove build cache", cli.NoArgs,
		func(cmd *cobra.Command, args []string) error { return runPrune(cmd.Context(), c, &o) })
	f := cmd.Flags()
	f.BoolVarP(&o.all, "all", "a", false, "Remove all unused build cache, not just dangling ones")
	o.Add(f, "until=24h")
	f.Var(&o.keepStorage, "keep-storage", "Amount of disk space to keep for cache")
	return cli.MinAPICommand(cmd, "1.39")
}

// runPrune asks (unless forced), then removes the build cache and lists
// what went. The config's pruneFilters apply, except label filters.
func runPrune(ctx context.Context, c *cli.CLI, o *pruneOptions) error {
	filters := o.Filter.Value()
	for k, v := range c.PruneFilters(nil) {
		if k == "label" || k == "label!" {
			continue
		}
		for val := range v {
			filters.Add(k, val)
		}
	}
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	client.APIVersion(ctx) // the reference asks the daemon before it asks the user
	warning := pruneDanglingWarning
	if o.all {
		warning = pruneAllWarning
	}
	if ok, err := o.Confirm(ctx, c, warning); err != nil || !ok {
		return err
	}
	report, err := client.BuildCachePrune(ctx, engine.BuildCachePruneOptions{All: o.all, KeepStorage: o.keepStorage.Value(), Filters: filters})
	if err != nil {
		return err
	}
	c.PrintPruned("Deleted build cache objects:", report.Deleted)
	c.PrintReclaimed(report.SpaceReclaimed)
	return nil
}
