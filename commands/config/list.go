package config

import (
	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/format"
)

func newListCommand(c *cli.CLI) *cobra.Command {
	return cli.NewDataListCommand(c, "List configs", engine.Configs, func(c *cli.CLI) string { return c.Config().ConfigFormat },
		"table {{.ID}}\t{{.Name}}\t{{.CreatedAt}}\t{{.UpdatedAt}}", format.ObjectHeader(),
		func(r format.ObjectRow, _ *engine.SwarmConfig) any { return &configContext{r} })
}

// configContext is a row of config ls.
type configContext struct{ format.ObjectRow }

func (r *configContext) MarshalJSON() ([]byte, error) { return format.MarshalRow(r) }
