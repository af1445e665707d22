// Package network holds the network commands (docker network ...).
package network

import (
	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
)

// Group is `docker network`.
func Group(c *cli.CLI) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "network",
		Short: "Manage networks",
		Args:  cli.NoArgs,
		RunE:  func(cmd *cobra.Command, args []string) error { return cmd.Help() },
	}
	cmd.AddCommand(
		newListCommand(c),
		newCreateCommand(c),
		newRemoveCommand(c),
		newInspectCommand(c),
		newConnectCommand(c),
		newDisconnectCommand(c),
		newPruneCommand(c),
	)
	return cmd
}

// Entries is the group under the root; networks have no shortcuts.
func Entries() []cli.Entry {
	return []cli.Entry{{Name: "network", Build: Group}}
}
