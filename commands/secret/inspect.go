package secret

import (
	"context"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/format"
	"github.com/dockerclone/docker/cli/format/shapes/swarm"
)

func newInspectCommand(c *cli.CLI) *cobra.Command {
	return cli.NewInspectCommand(c, "inspect [OPTIONS] SECRET [SECRET...]", "Display detailed information on one or more secrets", inspector)
}

// Templates run on the typed secret first, then on its JSON.
var inspector = cli.Inspector[engine.Secret]{
	Get: engine.Secrets.Inspect,
	Add: func(w *format.Inspect, _ engine.Secret, raw []byte) error { return w.Add(raw, new(swarm.Secret)) },
	Pretty: func(_ context.Context, out io.Writer, _ *engine.Client, s *engine.Secret) {
		fmt.Fprintf(out, "ID:              %s\nName:              %s\n", s.ID, s.Spec.Name)
		format.WriteLabels(out, "Labels:", s.Spec.Labels)
		driver := ""
		if s.Spec.Driver != nil {
			driver = s.Spec.Driver.Name
		}
		fmt.Fprintf(out, "Driver:            %s\nCreated at:        %s\nUpdated at:        %s\n",
			driver, format.PrettyTime(s.CreatedAt), format.PrettyTime(s.UpdatedAt))
	},
}
