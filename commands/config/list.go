package config

import (
	"context"
	"fmt"
	"slices"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/format"
	"github.com/dockerclone/docker/cli/opts"
)

const defaultFormat = "table {{.ID}}\t{{.Name}}\t{{.CreatedAt}}\t{{.UpdatedAt}}"

var header = format.Header{
	"ID":        "ID",
	"Name":      "NAME",
	"CreatedAt": "CREATED",
	"UpdatedAt": "UPDATED",
	"Labels":    "LABELS",
}

type listOptions struct {
	quiet   bool
	format  string
	filters *opts.Filter
}

func newListCommand(c *cli.CLI) *cobra.Command {
	o := listOptions{filters: opts.NewFilter()}
	cmd := &cobra.Command{
		Use:     "ls [OPTIONS]",
		Aliases: []string{"list"},
		Short:   "List configs",
		Args:    cli.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runList(cmd.Context(), c, o)
		},
	}
	f := cmd.Flags()
	f.BoolVarP(&o.quiet, "quiet", "q", false, "Only display IDs")
	f.StringVar(&o.format, "format", "", format.ListUsage)
	f.VarP(o.filters, "filter", "f", "Filter output based on conditions provided")
	return cmd
}

func runList(ctx context.Context, c *cli.CLI, o listOptions) error {
	configured := ""
	if o.format == "" && !o.quiet {
		configured = c.Config().ConfigFormat
	}
	f, err := format.Parse(format.ListSpec(o.format, configured, o.quiet, defaultFormat, "{{.ID}}"), defaultFormat)
	if err != nil {
		return fmt.Errorf("template parsing error: %w", err)
	}
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	configs, err := client.ConfigList(ctx, o.filters.Value())
	if err != nil {
		return err
	}
	slices.SortStableFunc(configs, func(a, b engine.Config) int { return format.NaturalCompare(a.Spec.Name, b.Spec.Name) })
	return format.WriteRows(format.NewWriter(c.Out, f, header), configs, func(cf *engine.Config) any {
		return &configContext{format.ObjectRow{ObjectID: cf.ID, ObjectName: cf.Spec.Name,
			Created: cf.CreatedAt, Updated: cf.UpdatedAt, LabelMap: cf.Spec.Labels}}
	})
}

// configContext is a row of config ls.
type configContext struct{ format.ObjectRow }

func (r *configContext) MarshalJSON() ([]byte, error) { return format.MarshalRow(r) }
