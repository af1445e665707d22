package config

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
	return cli.NewInspectCommand(c, "inspect [OPTIONS] CONFIG [CONFIG...]", "Display detailed information on one or more configs", inspector)
}

// Templates run on the typed config first, then on its JSON.
var inspector = cli.Inspector[engine.SwarmConfig]{
	Get: engine.Configs.Inspect,
	Add: func(w *format.Inspect, _ engine.SwarmConfig, raw []byte) error { return w.Add(raw, new(swarm.Config)) },
	Pretty: func(_ context.Context, out io.Writer, _ *engine.Client, cf *engine.SwarmConfig) {
		fmt.Fprintf(out, "ID:\t\t\t%s\nName:\t\t\t%s\n", cf.ID, cf.Spec.Name)
		format.WriteLabels(out, "Labels:", cf.Spec.Labels)
		fmt.Fprintf(out, "Created at:            \t%s\nUpdated at:            \t%s\nData:\n%s\n",
			format.PrettyTime(cf.CreatedAt), format.PrettyTime(cf.UpdatedAt), cf.Spec.Data)
	},
}
