package cli

import (
	"fmt"
	"strings"

	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/format"
)

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

// PrintPruned writes what a prune removed under heading ("Deleted
// Containers:"), then an empty line; nothing when nothing was removed.
func (c *CLI) PrintPruned(heading string, removed []string) {
	if len(removed) == 0 {
		return
	}
	fmt.Fprintln(c.Out, heading)
	for _, r := range removed {
		fmt.Fprintln(c.Out, r)
	}
	fmt.Fprintln(c.Out)
}

// PrintReclaimed is the last line of a prune report.
func (c *CLI) PrintReclaimed(size uint64) {
	fmt.Fprintln(c.Out, "Total reclaimed space: "+format.HumanSize(int64(size)))
}

// PrunedImages are the report lines of the images a prune untagged and
// deleted.
func PrunedImages(items []engine.DeleteItem) []string {
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
