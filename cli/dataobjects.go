package cli

import (
	"context"
	"io"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/format"
)

// The ls and inspect of configs and secrets, which differ only in their
// extra columns and their --pretty layout.

// NewDataListCommand is the ls of configs or secrets: configured is the
// config file's format; row wraps the columns every one has in the
// command's row type.
func NewDataListCommand[S engine.DataSpec](c *CLI, short string, objs engine.DataObjects[S], configured func(*CLI) string,
	table string, header format.Header, row func(format.ObjectRow, *engine.DataObject[S]) any) *cobra.Command {
	l := Lister[engine.DataObject[S]]{
		Configured: configured,
		Table:      table,
		Header:     header,
		List: func(ctx context.Context, client *engine.Client, f engine.Filters, _ bool) ([]engine.DataObject[S], error) {
			return objs.List(client, ctx, f)
		},
		Name: (*engine.DataObject[S]).Name,
		Row: func(o *engine.DataObject[S]) any {
			return row(format.ObjectRow{ObjectID: o.ID, ObjectName: o.Name(), Created: o.CreatedAt, Updated: o.UpdatedAt, LabelMap: o.Labels()}, o)
		},
	}
	return NewListCommand(c, short, func() Lister[engine.DataObject[S]] { return l })
}

// NewDataInspectCommand is the inspect of configs or secrets: templates run
// on Shape (what the reference's errors name) first, then on the JSON.
func NewDataInspectCommand[Shape any, S engine.DataSpec](c *CLI, use, short string, objs engine.DataObjects[S],
	pretty func(io.Writer, *engine.DataObject[S])) *cobra.Command {
	return NewInspectCommand(c, use, short, Inspector[engine.DataObject[S]]{
		Get:    objs.Inspect,
		Add:    func(w *format.Inspect, _ engine.DataObject[S], raw []byte) error { return w.Add(raw, new(Shape)) },
		Pretty: func(_ context.Context, out io.Writer, _ *engine.Client, o *engine.DataObject[S]) { pretty(out, o) },
	})
}
