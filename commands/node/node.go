// Package node holds the commands that list and manage swarm nodes
// (docker node ...).
package node

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
)

// Group is `docker node`.
func Group(c *cli.CLI) *cobra.Command {
	return cli.SwarmGroup("node", "Manage Swarm nodes", "manager",
		newDemoteCommand(c), newInspectCommand(c), newListCommand(c), newPromoteCommand(c),
		newPSCommand(c), newRemoveCommand(c), newUpdateCommand(c))
}

// Entries is the group under the root.
func Entries() []cli.Entry {
	return []cli.Entry{{Name: "node", Build: Group}}
}

// resolveSelf turns "self" into this node's ID; other names are kept.
func resolveSelf(ctx context.Context, client *engine.Client, name string) (string, error) {
	if name != "self" {
		return name, nil
	}
	state, err := client.SwarmState(ctx)
	if err != nil {
		return "", err
	}
	return state.NodeID, nil
}
