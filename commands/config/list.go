package config

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/format"
)

func newListCommand(c *cli.CLI) *cobra.Command {
	return cli.NewListCommand(c, "List configs", func() cli.Lister[engine.SwarmConfig] { return lister })
}

var lister = cli.Lister[engine.SwarmConfig]{
	Configured: func(c *cli.CLI) string { return c.Config().ConfigFormat },
	Table:      "table {{.ID}}\t{{.Name}}\t{{.CreatedAt}}\t{{.UpdatedAt}}",
	Header:     format.ObjectHeader(),
	List: func(ctx context.Context, client *engine.Client, f engine.Filters, _ bool) ([]engine.SwarmConfig, error) {
		return engine.Configs.List(client, ctx, f)
	},
	Name: func(cf *engine.SwarmConfig) string { return cf.Spec.Name },
	Row: func(cf *engine.SwarmConfig) any {
		return &configContext{format.ObjectRow{ObjectID: cf.ID, ObjectName: cf.Spec.Name,
			Created: cf.CreatedAt, Updated: cf.UpdatedAt, LabelMap: cf.Spec.Labels}}
	},
}

// configContext is a row of config ls.
type configContext struct{ format.ObjectRow }

func (r *configContext) MarshalJSON() ([]byte, error) { return format.MarshalRow(r) }
