package secret

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/format"
)

func newListCommand(c *cli.CLI) *cobra.Command {
	return cli.NewListCommand(c, "List secrets", func() cli.Lister[engine.Secret] { return lister })
}

var lister = cli.Lister[engine.Secret]{
	Configured: func(c *cli.CLI) string { return c.Config().SecretFormat },
	Table:      "table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.CreatedAt}}\t{{.UpdatedAt}}",
	Header:     format.ObjectHeader("Driver", "DRIVER"),
	List: func(ctx context.Context, client *engine.Client, f engine.Filters, _ bool) ([]engine.Secret, error) {
		return engine.Secrets.List(client, ctx, f)
	},
	Name: func(s *engine.Secret) string { return s.Spec.Name },
	Row: func(s *engine.Secret) any {
		return &secretContext{format.ObjectRow{ObjectID: s.ID, ObjectName: s.Spec.Name,
			Created: s.CreatedAt, Updated: s.UpdatedAt, LabelMap: s.Spec.Labels}, s}
	},
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
