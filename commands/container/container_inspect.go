package container

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
)

type inspectOptions struct {
	format, kind string
	size         bool
}

const inspectFormatUsage = "Format output using a custom template:\n" +
	"'json':             Print in JSON format\n" +
	"'TEMPLATE':         Print output using the given Go template.\n" +
	"Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates"

// newContainerInspectCommand is `docker container inspect`.
func newContainerInspectCommand(c *cli.CLI) *cobra.Command {
	var opts inspectOptions
	cmd := &cobra.Command{
		Use:   "inspect [OPTIONS] CONTAINER [CONTAINER...]",
		Short: "Display detailed information on one or more containers",
		Args:  cli.RequiresMinArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runContainerInspect(cmd.Context(), c, opts, args)
		},
	}
	cmd.Flags().StringVarP(&opts.format, "format", "f", "", inspectFormatUsage)
	cmd.Flags().BoolVarP(&opts.size, "size", "s", false, "Display total file sizes")
	return cmd
}

// runContainerInspect prints what was found and reports the daemon's error
// for each container that was not.
func runContainerInspect(ctx context.Context, c *cli.CLI, opts inspectOptions, names []string) error {
	w, err := newInspectWriter(c.Out, opts.format)
	if err != nil {
		return err
	}
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	var errs []string
	for _, name := range names {
		raw, err := inspectContainerRaw(ctx, client, name, opts.size)
		if err == nil {
			err = w.Add(raw, "container")
		}
		if err != nil {
			errs = append(errs, err.Error())
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return inspectErrors(errs)
}
