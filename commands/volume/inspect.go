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

// Volume is what templates see: the reference's typed volume (no fallback
// to the daemon's raw JSON), named as its errors name it.
type Volume shapes.Volume

// newInspectCommand prints the volumes found, then fails with the daemon's
// error for each that was not.
func newInspectCommand(c *cli.CLI) *cobra.Command {
	return cli.InspectCommand(c, "inspect [OPTIONS] VOLUME [VOLUME...]", "Display detailed information on one or more volumes",
		func(ctx context.Context, client *engine.Client, w *format.Inspect, name string) error {
			raw, err := client.VolumeInspect(ctx, name)
			var v Volume
			if err == nil {
				err = json.Unmarshal(raw, &v)
			}
			if err != nil {
				return err
			}
			return w.AddValue(v)
		})
}
