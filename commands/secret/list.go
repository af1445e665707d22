package secret

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

const defaultFormat = "table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.CreatedAt}}\t{{.UpdatedAt}}"

var header = format.Header{
	"ID":        "ID",
	"Name":      "NAME",
	"Driver":    "DRIVER",
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
		Short:   "List secrets",
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
		configured = c.Config().SecretFormat
	}
	f, err := format.Parse(format.ListSpec(o.format, configured, o.quiet, defaultFormat, "{{.ID}}"), defaultFormat)
	if err != nil {
		return fmt.Errorf("template parsing error: %w", err)
	}
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	secrets, err := client.SecretList(ctx, o.filters.Value())
	if err != nil {
		return err
	}
	slices.SortStableFunc(secrets, func(a, b engine.Secret) int { return format.NaturalCompare(a.Spec.Name, b.Spec.Name) })
	return format.WriteRows(format.NewWriter(c.Out, f, header), secrets, func(s *engine.Secret) any {
		return &secretContext{ObjectRow: format.ObjectRow{ObjectID: s.ID, ObjectName: s.Spec.Name,
			Created: s.CreatedAt, Updated: s.UpdatedAt, LabelMap: s.Spec.Labels}, s: s}
	})
}

// secretContext is a row of secret ls.
type secretContext struct {
	format.ObjectRow
	s *engine.Secret
}

func (r *secretContext) MarshalJSON() ([]byte, error) { return format.MarshalRow(r) }

func (r *secretContext) Driver() string {
	if r.s.Spec.Driver == nil {
		return ""
	}
	return r.s.Spec.Driver.Name
}
