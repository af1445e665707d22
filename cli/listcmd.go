package cli

import (
	"context"
	"fmt"
	"slices"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/format"
	"github.com/dockerclone/docker/cli/opts"
)

// ListOptions are the flags of the list commands of swarm objects: -q,
// --format and -f.
type ListOptions struct {
	Quiet   bool
	Format  string
	Filters *opts.Filter
}

// AddFlags declares the flags.
func (o *ListOptions) AddFlags(f *pflag.FlagSet) {
	o.Filters = opts.NewFilter()
	f.BoolVarP(&o.Quiet, "quiet", "q", false, "Only display IDs")
	f.StringVar(&o.Format, "format", "", format.ListUsage)
	f.VarP(o.Filters, "filter", "f", "Filter output based on conditions provided")
}

// ParseFormat picks and parses the template before any request: --format,
// else configured (the config file's, not with -q), else table; -q
// replaces only the table, with quietFormat.
func (o *ListOptions) ParseFormat(configured, table, quietFormat string) (*format.Format, error) {
	if o.Format != "" || o.Quiet {
		configured = ""
	}
	f, err := format.Parse(format.ListSpec(o.Format, configured, o.Quiet, table, quietFormat), table)
	if err != nil {
		return nil, fmt.Errorf("template parsing error: %w", err)
	}
	return f, nil
}

// Lister describes one list command of named objects.
type Lister[T any] struct {
	Configured func(c *CLI) string // the config file's format
	Table      string
	Header     format.Header
	List       func(ctx context.Context, client *engine.Client, f engine.Filters, quiet bool) ([]T, error)
	Name       func(*T) string // the objects are listed in its natural order
	Row        func(*T) any
}

// RunList prints the objects with the options' template.
func RunList[T any](ctx context.Context, c *CLI, o *ListOptions, l Lister[T]) error {
	f, err := o.ParseFormat(l.Configured(c), l.Table, "{{.ID}}")
	if err != nil {
		return err
	}
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	items, err := l.List(ctx, client, o.Filters.Value(), o.Quiet)
	if err != nil {
		return err
	}
	slices.SortStableFunc(items, func(a, b T) int { return format.NaturalCompare(l.Name(&a), l.Name(&b)) })
	return format.WriteRows(format.NewWriter(c.Out, f, l.Header), items, l.Row)
}

// NewListCommand is the "ls" of a kind of swarm object; lister describes
// one run.
func NewListCommand[T any](c *CLI, short string, lister func() Lister[T]) *cobra.Command {
	var o ListOptions
	cmd := Command("ls [OPTIONS]", short, NoArgs,
		func(cmd *cobra.Command, args []string) error { return RunList(cmd.Context(), c, &o, lister()) })
	cmd.Aliases = []string{"list"}
	o.AddFlags(cmd.Flags())
	return cmd
}
