package container

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/format"
	"github.com/dockerclone/docker/cli/format/shapes"
)

type inspectOptions struct {
	format string
	size   bool
}

// newContainerInspectCommand is `docker container inspect`.
func newContainerInspectCommand(c *cli.CLI) *cobra.Command {
	var opts inspectOptions
	cmd := cli.Command("inspect [OPTIONS] CONTAINER [CONTAINER...]", "Display detailed information on one or more containers",
		cli.RequiresMinArgs(1), func(cmd *cobra.Command, args []string) error {
			return runContainerInspect(cmd.Context(), c, opts, args)
		})
	cmd.Flags().StringVarP(&opts.format, "format", "f", "", format.InspectUsage)
	cmd.Flags().BoolVarP(&opts.size, "size", "s", false, "Display total file sizes")
	return cmd
}

// runContainerInspect prints what was found and reports the daemon's error
// for each container that was not.
func runContainerInspect(ctx context.Context, c *cli.CLI, opts inspectOptions, names []string) error {
	return c.InspectEach(ctx, opts.format, names, func(ctx context.Context, client *engine.Client, w *format.Inspect, name string) error {
		_, raw, err := client.ContainerInspect(ctx, name, opts.size)
		if err != nil {
			return err
		}
		return w.Add(raw, new(shapes.Container))
	})
}
