package volume

import (
	"context"
	"encoding/json"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/format"
	"github.com/dockerclone/docker/cli/format/shapes"
)

type inspectOptions struct{ format string }

func newInspectCommand(c *cli.CLI) *cobra.Command {
	var o inspectOptions
	cmd := &cobra.Command{
		Use:   "inspect [OPTIONS] VOLUME [VOLUME...]",
		Short: "Display detailed information on one or more volumes",
		Args:  cli.RequiresMinArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runInspect(cmd.Context(), c, o, args)
		},
	}
	cmd.Flags().StringVarP(&o.format, "format", "f", "", format.InspectUsage)
	return cmd
}

// Volume is what templates see: the reference's typed volume (no fallback
// to the daemon's raw JSON), named as its errors name it.
type Volume shapes.Volume

// runInspect prints the volumes found, then fails with the daemon's error
// for each that was not.
func runInspect(ctx context.Context, c *cli.CLI, o inspectOptions, names []string) error {
	return c.InspectEach(ctx, o.format, names, func(ctx context.Context, client *engine.Client, w *format.Inspect, name string) error {
		raw, err := client.VolumeInspect(ctx, name)
		if err != nil {
			return err
		}
		var v Volume
		if err := json.Unmarshal(raw, &v); err != nil {
			return err
		}
		return w.AddValue(v)
	})
}
