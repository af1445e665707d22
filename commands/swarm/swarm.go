// Package swarm holds the commands that create, join and configure a swarm
// (docker swarm ...).
package swarm

import (
	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
)

// Group is `docker swarm`.
func Group(c *cli.CLI) *cobra.Command {
	cmd := &cobra.Command{
		Use:         "swarm",
		Short:       "Manage Swarm",
		Args:        cli.NoArgs,
		Annotations: map[string]string{"swarm": "any"},
		RunE:        func(cmd *cobra.Command, args []string) error { return cmd.Help() },
	}
	cmd.AddCommand(
		newCACommand(c),
		newInitCommand(c),
		newJoinCommand(c),
		newJoinTokenCommand(c),
		newLeaveCommand(c),
		newUnlockCommand(c),
		newUnlockKeyCommand(c),
		newUpdateCommand(c),
	)
	return cmd
}

// Entries is the group under the root.
func Entries() []cli.Entry {
	return []cli.Entry{{Name: "swarm", Build: Group}}
}
