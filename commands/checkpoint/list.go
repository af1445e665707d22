package checkpoint

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/format"
)

func newListCommand(c *cli.CLI) *cobra.Command {
	var dir string
	cmd := cli.Command("ls [OPTIONS] CONTAINER", "List checkpoints for a container", cli.ExactArgs(1),
		func(cmd *cobra.Command, args []string) error { return runList(cmd.Context(), c, args[0], dir) })
	cmd.Aliases = []string{"list"}
	addDirFlag(cmd, &dir)
	return cmd
}

func runList(ctx context.Context, c *cli.CLI, container, dir string) error {
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	cps, err := client.CheckpointList(ctx, container, dir)
	if err != nil {
		return err
	}
	f, err := format.Parse("table {{.Name}}", "")
	if err != nil {
		return err
	}
	w := format.NewWriter(c.Out, f, format.Header{"Name": "CHECKPOINT NAME"})
	return format.WriteRows(w, cps, func(cp *engine.Checkpoint) any { return cp })
}
