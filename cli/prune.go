package cli

import (
	"strings"

	"github.com/dockerclone/docker/cli/engine"
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
