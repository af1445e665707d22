package network

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/format"
	"github.com/dockerclone/docker/cli/format/shapes"
)

type inspectOptions struct {
	format  string
	verbose bool
}

func newInspectCommand(c *cli.CLI) *cobra.Command {
	var o inspectOptions
	cmd := &cobra.Command{
		Use:   "inspect [OPTIONS] NETWORK [NETWORK...]",
		Short: "Display detailed information on one or more networks",
		Args:  cli.RequiresMinArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runInspect(cmd.Context(), c, o, args)
		},
	}
	cmd.Flags().StringVarP(&o.format, "format", "f", "", format.InspectUsage)
	cmd.Flags().BoolVarP(&o.verbose, "verbose", "v", false, "Verbose output for diagnostics")
	return cmd
}

// runInspect prints the networks found, then fails with the daemon's error
// for each that was not.
func runInspect(ctx context.Context, c *cli.CLI, o inspectOptions, names []string) error {
	return c.InspectEach(ctx, o.format, names, func(ctx context.Context, client *engine.Client, w *format.Inspect, name string) error {
		raw, err := client.NetworkInspect(ctx, name, o.verbose)
		if err != nil {
			return err
		}
		return w.Add(raw, new(shapes.Network))
	})
}
