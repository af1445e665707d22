package builder

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/format"
	"github.com/dockerclone/docker/cli/opts"
)

const (
	pruneDanglingWarning = "WARNING! This will remove all dangling build cache. Are you sure you want to continue?"
	pruneAllWarning      = "WARNING! This will remove all build cache. Are you sure you want to continue?"
)

type pruneOptions struct {
	all, force  bool
	keepStorage opts.MemBytes
	filters     *opts.Filter
}

func newPruneCommand(c *cli.CLI) *cobra.Command {
	o := pruneOptions{filters: opts.NewFilter()}
	cmd := &cobra.Command{
		Use:   "prune",
		Short: "Remove build cache",
		Args:  cli.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runPrune(cmd.Context(), c, o)
		},
	}
	f := cmd.Flags()
	f.BoolVarP(&o.all, "all", "a", false, "Remove all unused build cache, not just dangling ones")
	f.Var(o.filters, "filter", `Provide filter values (e.g. "until=24h")`)
	f.BoolVarP(&o.force, "force", "f", false, "Do not prompt for confirmation")
	f.Var(&o.keepStorage, "keep-storage", "Amount of disk space to keep for cache")
	return cli.MinAPICommand(cmd, "1.39")
}

// runPrune asks (unless forced), then removes the build cache and lists
// what went. The config's pruneFilters apply, except label filters.
func runPrune(ctx context.Context, c *cli.CLI, o pruneOptions) error {
	filters := o.filters.Value()
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
	if !o.force {
		if ok, err := c.Confirm(ctx, warning); err != nil || !ok {
			return err
		}
	}
	report, err := client.BuildCachePrune(ctx, engine.BuildCachePruneOptions{All: o.all, KeepStorage: o.keepStorage.Value(), Filters: filters})
	if err != nil {
		return err
	}
	if len(report.Deleted) > 0 {
		fmt.Fprintln(c.Out, "Deleted build cache objects:")
		for _, id := range report.Deleted {
			fmt.Fprintln(c.Out, id)
		}
		fmt.Fprintln(c.Out)
	}
	fmt.Fprintln(c.Out, "Total reclaimed space: "+format.HumanSize(int64(report.SpaceReclaimed)))
	return nil
}
