package container

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
)

type exportOptions struct{ output string }

func newExportCommand(c *cli.CLI) *cobra.Command {
	var o exportOptions
	cmd := newCommand("export [OPTIONS] CONTAINER", "Export a container's filesystem as a tar archive", cli.ExactArgs(1),
		func(cmd *cobra.Command, args []string) error { return runExport(cmd.Context(), c, o, args[0]) })
	cmd.Flags().StringVarP(&o.output, "output", "o", "", "Write to a file, instead of STDOUT")
	return cmd
}

// runExport streams the archive to -o (through a temporary file renamed at
// the end, so a failure leaves nothing) or to stdout, never to a terminal.
func runExport(ctx context.Context, c *cli.CLI, o exportOptions, name string) error {
	const failure = "failed to export container"
	if err := c.CheckOutput(o.output, failure); err != nil {
		return err
	}
	client, id, err := clientFor(ctx, c, name)
	if err != nil {
		return err
	}
	body, err := client.ContainerExport(ctx, id)
	if err != nil {
		return err
	}
	defer body.Close()
	return c.WriteOutput(o.output, failure, body)
}
