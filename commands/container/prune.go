package container

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
)

const containerPruneWarning = "WARNING! This will remove all stopped containers.\nAre you sure you want to continue?"

func newContainerPruneCommand(c *cli.CLI) *cobra.Command {
	var o cli.PruneFlags
	cmd := cli.Command("prune [OPTIONS]", "Remove all stopped containers", cli.NoArgs,
		func(cmd *cobra.Command, args []string) error { return runContainerPrune(cmd.Context(), c, &o) })
	o.Add(cmd.Flags(), "until=<timestamp>")
	return cli.MinAPICommand(cmd, "1.25")
}

// runContainerPrune asks first unless forced; declining is not an error.
func runContainerPrune(ctx context.Context, c *cli.CLI, o *cli.PruneFlags) error {
	if ok, err := o.Confirm(ctx, c, containerPruneWarning); err != nil || !ok {
		return err
	}
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	report, err := client.ContainersPrune(ctx, c.PruneFilters(o.Filter.Value()))
	if err != nil {
		return err
	}
	c.PrintPruned("Deleted Containers:", report.Deleted)
	c.PrintReclaimed(report.SpaceReclaimed)
	return nil
}
