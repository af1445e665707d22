// Package network holds the network commands (docker network ...).
package network

import (
	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
)

// Group is `docker network`.
func Group(c *cli.CLI) *cobra.Command {
	return cli.NewGroup("network", "Manage networks",
		newListCommand(c),
		newCreateCommand(c),
		newRemoveCommand(c),
		newInspectCommand(c),
		newConnectCommand(c),
		newDisconnectCommand(c),
		newPruneCommand(c),
	)
}

// Entries is the group under the root; networks have no shortcuts.
func Entries() []cli.Entry {
	return []cli.Entry{{Name: "network", Build: Group}}
}
