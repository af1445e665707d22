package system

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
)

type systemPruneOptions struct {
	cli.PruneFlags
	all, volumes bool
}

func newSystemPruneCommand(c *cli.CLI) *cobra.Command {
	var o systemPruneOptions
	cmd := cli.NewPruneCommand("Remove unused data", "label=<key>=<value>", &o.PruneFlags, func(ctx context.Context) error {
		return runSystemPrune(ctx, c, &o)
	})
	f := cmd.Flags()
	f.BoolVarP(&o.all, "all", "a", false, "Remove all unused images not just dangling ones")
	f.BoolVar(&o.volumes, "volumes", false, "Prune anonymous volumes")
	cli.MinAPI(f, "1.28", "filter")
	return cmd
}

// systemPruneWarning lists what goes and the filters that narrow it.
func systemPruneWarning(o *systemPruneOptions, filters engine.Filters) string {
	var b strings.Builder
	b.WriteString("WARNING! This will remove:\n  - all stopped containers\n  - all networks not used by at least one container\n")
	if o.volumes {
		b.WriteString("  - all anonymous volumes not used by at least one container\n")
	}
	if o.all {
		b.WriteString("  - all images without at least one container associated to them\n  - all build cache\n")
	} else {
		b.WriteString("  - all dangling images\n  - unused build cache\n")
	}
	var shown []string
	for _, k := range []string{"label", "label!", "until"} {
		for _, v := range filters.Get(k) {
			shown = append(shown, k+"="+v)
		}
	}
	sort.Strings(shown)
	if len(shown) > 0 {
		b.WriteString("\n  Items to be pruned will be filtered with:\n  - " + strings.Join(shown, "\n  - ") + "\n")
	}
	b.WriteString("\nAre you sure you want to continue?")
	return b.String()
}

// runSystemPrune prunes containers, networks, volumes (--volumes), images
// and the build cache in that order, each report as it comes, then the
// total.
func runSystemPrune(ctx context.Context, c *cli.CLI, o *systemPruneOptions) error {
	filters := c.PruneFilters(o.Filter.Value())
	if _, ok := filters["until"]; ok && o.volumes {
		return errors.New(`ERROR: The "until" filter is not supported with "--volumes"`)
	}
	if ok, err := o.Confirm(ctx, c, systemPruneWarning(o, filters)); err != nil || !ok {
		return err
	}
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	var total uint64
	report := func(heading string, r engine.PruneReport) {
		total += r.SpaceReclaimed
		c.PrintPruned(heading, r.Deleted)
	}
	r, err := client.ContainersPrune(ctx, maps.Clone(filters))
	if err != nil {
		return err
	}
	report("Deleted Containers:", r)
	nets, err := client.NetworksPrune(ctx, maps.Clone(filters))
	if err != nil {
		return err
	}
	report("Deleted Networks:", engine.PruneReport{Deleted: nets})
	if o.volumes {
		r, err := client.VolumesPrune(ctx, maps.Clone(filters))
		if err != nil {
			return err
		}
		report("Deleted Volumes:", r)
	}
	imgFilters := maps.Clone(filters)
	imgFilters.Add("dangling", fmt.Sprint(!o.all))
	ir, err := client.ImagesPrune(ctx, imgFilters)
	if err != nil {
		return err
	}
	report("Deleted Images:", engine.PruneReport{Deleted: cli.PrunedImageLines(ir.ImagesDeleted), SpaceReclaimed: ir.SpaceReclaimed})
	br, err := client.BuildCachePrune(ctx, engine.BuildCachePruneOptions{All: o.all, Filters: maps.Clone(filters)})
	if err != nil {
		return err
	}
	report("Deleted build cache objects:", br)
	c.PrintReclaimed(total)
	return nil
}
