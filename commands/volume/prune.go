package volume

import (
	"context"
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/format"
	"github.com/dockerclone/docker/cli/opts"
)

const (
	anonymousWarning = "WARNING! This will remove anonymous local volumes not used by at least one container.\nAre you sure you want to continue?"
	allWarning       = "WARNING! This will remove all local volumes not used by at least one container.\nAre you sure you want to continue?"
)

type pruneOptions struct {
	all     bool
	force   bool
	filters *opts.Filter
}

func newPruneCommand(c *cli.CLI) *cobra.Command {
	o := pruneOptions{filters: opts.NewFilter()}
	cmd := &cobra.Command{
		Use:   "prune [OPTIONS]",
		Short: "Remove unused local volumes",
		Args:  cli.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runPrune(cmd.Context(), c, o)
		},
	}
	f := cmd.Flags()
	f.BoolVarP(&o.all, "all", "a", false, "Remove all unused volumes, not just anonymous ones")
	f.Var(o.filters, "filter", `Provide filter values (e.g. "label=<label>")`)
	f.BoolVarP(&o.force, "force", "f", false, "Do not prompt for confirmation")
	cli.MinAPI(f, "1.42", "all")
	return cli.MinAPICommand(cmd, "1.25")
}

// runPrune removes unused volumes: before API 1.42 the daemon removes every
// unused volume, from 1.42 only anonymous ones unless all=true is sent.
func runPrune(ctx context.Context, c *cli.CLI, o pruneOptions) error {
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	filters := c.PruneFilters(o.filters.Value())
	warning := anonymousWarning
	if engine.VersionLess(client.APIVersion(ctx), "1.42") {
		warning = allWarning
	}
	if o.all {
		if _, ok := filters["all"]; ok {
			return errors.New("conflicting options: cannot specify both --all and --filter all=1")
		}
		filters.Add("all", "true")
		warning = allWarning
	}
	if !o.force {
		if ok, err := c.Confirm(ctx, warning); err != nil || !ok {
			return err
		}
	}
	report, err := client.VolumesPrune(ctx, filters)
	if err != nil {
		return err
	}
	if len(report.Deleted) > 0 {
		fmt.Fprintln(c.Out, "Deleted Volumes:")
		for _, v := range report.Deleted {
			fmt.Fprintln(c.Out, v)
		}
		fmt.Fprintln(c.Out)
	}
	fmt.Fprintln(c.Out, "Total reclaimed space: "+format.HumanSize(int64(report.SpaceReclaimed)))
	return nil
}
