package volume

import (
	"context"
	"errors"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
)

const (
	anonymousWarning = "WARNING! This will remove anonymous local volumes not used by at least one container.\nAre you sure you want to continue?"
	allWarning       = "WARNING! This will remove all local volumes not used by at least one container.\nAre you sure you want to continue?"
)

type pruneOptions struct {
	cli.PruneFlags
	all bool
}

func newPruneCommand(c *cli.CLI) *cobra.Command {
	var o pruneOptions
	cmd := cli.NewPruneCommand("Remove unused local volumes", "label=<label>", &o.PruneFlags, func(ctx context.Context) error {
		return runPrune(ctx, c, &o)
	})
	f := cmd.Flags()
	f.BoolVarP(&o.all, "all", "a", false, "Remove all unused volumes, not just anonymous ones")
	cli.MinAPI(f, "1.42", "all")
	return cmd
}

// runPrune removes unused volumes: before API 1.42 the daemon removes every
// unused volume, from 1.42 only anonymous ones unless all=true is sent.
func runPrune(ctx context.Context, c *cli.CLI, o *pruneOptions) error {
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	filters := c.PruneFilters(o.Filter.Value())
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
	if ok, err := o.Confirm(ctx, c, warning); err != nil || !ok {
		return err
	}
	report, err := client.VolumesPrune(ctx, filters)
	if err != nil {
		return err
	}
	c.PrintPruned("Deleted Volumes:", report.Deleted)
	c.PrintReclaimed(report.SpaceReclaimed)
	return nil
}
