package plugin

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/format"
	"github.com/dockerclone/docker/cli/opts"
)

type listOptions struct {
	quiet, noTrunc bool
	format         string
	filter         *opts.Filter
}

func newListCommand(c *cli.CLI) *cobra.Command {
	o := listOptions{filter: opts.NewFilter()}
	cmd := cli.Command("ls [OPTIONS]", "List plugins", cli.NoArgs,
		func(cmd *cobra.Command, args []string) error { return runList(cmd.Context(), c, &o) })
	cmd.Aliases = []string{"list"}
	flags := cmd.Flags()
	flags.BoolVarP(&o.quiet, "quiet", "q", false, "Only display plugin IDs")
	flags.BoolVar(&o.noTrunc, "no-trunc", false, "Don't truncate output")
	flags.VarP(o.filter, "filter", "f", `Provide filter values (e.g. "enabled=true")`)
	flags.StringVar(&o.format, "format", "", format.ListUsage)
	return cmd
}

// runList prints the plugins; -q wins over --format.
func runList(ctx context.Context, c *cli.CLI, o *listOptions) error {
	spec := o.format
	if spec == "" {
		spec = c.Config().PluginsFormat
	}
	if o.quiet {
		spec = "{{.ID}}"
	}
	f, err := format.Parse(spec, "table {{.ID}}\t{{.Name}}\t{{.Description}}\t{{.Enabled}}")
	if err != nil {
		return fmt.Errorf("template parsing error: %w", err)
	}
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	plugins, err := client.PluginList(ctx, o.filter.Value())
	if err != nil {
		return err
	}
	return format.WriteRows(format.NewWriter(c.Out, f, header), plugins, func(p *engine.Plugin) any {
		return &pluginContext{p: p, trunc: !o.noTrunc}
	})
}

var header = format.Header{"ID": "ID", "Name": "NAME", "Description": "DESCRIPTION", "Enabled": "ENABLED", "PluginReference": "IMAGE"}

type pluginContext struct {
	p     *engine.Plugin
	trunc bool
}

func (r *pluginContext) MarshalJSON() ([]byte, error) { return format.MarshalRow(r) }
func (r *pluginContext) Name() string                 { return r.p.Name }
func (r *pluginContext) Enabled() bool                { return r.p.Enabled }
func (r *pluginContext) PluginReference() string      { return r.p.Name }

func (r *pluginContext) ID() string {
	if r.trunc && len(r.p.ID) > 12 {
		return r.p.ID[:12]
	}
	return r.p.ID
}

// Description is cut to 45 cells unless --no-trunc.
func (r *pluginContext) Description() string {
	if r.trunc {
		return format.Ellipsis(r.p.Config.Description, 45)
	}
	return r.p.Config.Description
}
