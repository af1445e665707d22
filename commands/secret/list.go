package secret

import (
	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/format"
)

func newListCommand(c *cli.CLI) *cobra.Command {
	return cli.NewDataListCommand(c, "List secrets", engine.Secrets, func(c *cli.CLI) string { return c.Config().SecretFormat },
		"table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.CreatedAt}}\t{{.UpdatedAt}}", format.ObjectHeader("Driver", "DRIVER"),
		func(r format.ObjectRow, s *engine.Secret) any { return &secretContext{r, s} })
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
