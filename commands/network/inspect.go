package network

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/format"
	"github.com/dockerclone/docker/cli/format/shapes"
)

// newInspectCommand prints the networks found, then fails with the daemon's
// error for each that was not.
func newInspectCommand(c *cli.CLI) *cobra.Command {
	var verbose bool
	cmd := cli.InspectCommand(c, "inspect [OPTIONS] NETWORK [NETWORK...]", "Display detailed information on one or more networks",
		func(ctx context.Context, client *engine.Client, w *format.Inspect, name string) error {
			raw, err := client.NetworkInspect(ctx, name, verbose)
			if err != nil {
				return err
			}
			return w.Add(raw, new(shapes.Network))
		})
	cmd.Flags().BoolVarP(&verbose, "verbose", "v", false, "Verbose output for diagnostics")
	return cmd
}
