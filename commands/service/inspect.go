package service

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/format"
	"github.com/dockerclone/docker/cli/format/shapes/swarm"
)

func newInspectCommand(c *cli.CLI) *cobra.Command {
	return cli.NewInspectCommand(c, "inspect [OPTIONS] SERVICE [SERVICE...]", "Display detailed information on one or more services", inspector)
}

// Services are shown with the daemon's defaults filled in; templates run on
// the typed service only, as with the reference.
var inspector = cli.Inspector[engine.Service]{
	Get: func(client *engine.Client, ctx context.Context, name string) (engine.Service, []byte, error) {
		s, raw, err := client.ServiceInspect(ctx, name, true)
		if engine.IsNotFound(err) {
			err = fmt.Errorf("Error: no such service: %s", name)
		}
		return s, raw, err
	},
	Add:    func(w *format.Inspect, s engine.Service, _ []byte) error { return w.AddValue(swarm.Service(s)) },
	Pretty: printPretty,
}
