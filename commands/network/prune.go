package network

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
)

const pruneWarning = "WARNING! This will remove all custom networks not used by at least one container.\nAre you sure you want to continue?"

// newPruneCommand asks first unless forced; declining is not an error. The
// daemon reports no reclaimed space for networks, and none is printed.
func newPruneCommand(c *cli.CLI) *cobra.Command {
	var o cli.PruneFlags
	return cli.NewPruneCommand("Remove all unused networks", "until=<timestamp>", &o, func(ctx context.Context) error {
		return o.Prune(ctx, c, pruneWarning, func(ctx context.Context, client *engine.Client, f engine.Filters) error {
			deleted, err := client.NetworksPrune(ctx, f)
			c.PrintPruned("Deleted Networks:", deleted)
			return err
		})
	})
}
