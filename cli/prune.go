package cli

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/format"
	"github.com/dockerclone/docker/cli/opts"
)

// PruneFlags are the flags every prune command has.
type PruneFlags struct {
	Force  bool
	Filter opts.Filter
}

// Add declares -f/--force and --filter; example shows in the filter's usage.
func (p *PruneFlags) Add(fs *pflag.FlagSet, example string) {
	fs.BoolVarP(&p.Force, "force", "f", false, "Do not prompt for confirmation")
	fs.Var(&p.Filter, "filter", `Provide filter values (e.g. "`+example+`")`)
}

// Confirm asks warning unless --force was given; a "no" is not an error.
func (p *PruneFlags) Confirm(ctx context.Context, c *CLI, warning string) (bool, error) {
	if p.Force {
		return true, nil
	}
	return c.Confirm(ctx, warning)
}

// NewPruneCommand is a "prune [OPTIONS]" (API 1.25 and later) with p's
// flags, the filter's usage showing example; run does the work.
func NewPruneCommand(short, example string, p *PruneFlags, run func(ctx context.Context) error) *cobra.Command {
	cmd := Command("prune [OPTIONS]", short, NoArgs, func(cmd *cobra.Command, _ []string) error { return run(cmd.Context()) })
	p.Add(cmd.Flags(), example)
	return MinAPICommand(cmd, "1.25")
}

// Prune asks warning unless forced (a "no" is not an error), then dials
// and runs prune with the command line's filters and the config's.
func (p *PruneFlags) Prune(ctx context.Context, c *CLI, warning string,
	prune func(ctx context.Context, client *engine.Client, f engine.Filters) error) error {
	if ok, err := p.Confirm(ctx, c, warning); err != nil || !ok {
		return err
	}
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	return prune(ctx, client, c.PruneFilters(p.Filter.Value()))
}

// PrintPruned lists what a prune removed under title, followed by a blank
// line; nothing when it removed nothing.
func (c *CLI) PrintPruned(title string, items []string) {
	if len(items) == 0 {
		return
	}
	fmt.Fprintln(c.Out, title)
	for _, it := range items {
		fmt.Fprintln(c.Out, it)
	}
	fmt.Fprintln(c.Out)
}

// PrunedImageLines are the lines a prune prints for the images it removed.
func PrunedImageLines(items []engine.DeleteItem) []string {
	var out []string
	for _, it := range items {
		if it.Untagged != "" {
			out = append(out, "untagged: "+it.Untagged)
		}
		if it.Deleted != "" {
			out = append(out, "deleted: "+it.Deleted)
		}
	}
	return out
}

// PrintReclaimed prints the closing line of a prune.
func (c *CLI) PrintReclaimed(bytes uint64) {
	fmt.Fprintln(c.Out, "Total reclaimed space: "+format.HumanSize(int64(bytes)))
}

// PruneFilters adds the config's pruneFilters to the filters given on the
// command line. A label filter of the config is skipped when the command
// line excludes that very label (and the other way round).
func (c *CLI) PruneFilters(f engine.Filters) engine.Filters {
	if f == nil {
		f = engine.Filters{}
	}
	cfg := c.Config()
	if cfg == nil {
		return f
	}
	for _, kv := range cfg.PruneFilters {
		k, v, ok := strings.Cut(kv, "=")
		if !ok {
			continue
		}
		switch {
		case k == "label" && f["label!"][v]:
			continue
		case k == "label!" && f["label"][v]:
			continue
		}
		f.Add(k, v)
	}
	return f
}
