// Package config holds the commands that manage swarm configs
// (docker config ...).
package config

import (
	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
)

// Group is `docker config`.
func Group(c *cli.CLI) *cobra.Command {
	return cli.MinAPICommand(cli.SwarmGroup("config", "Manage Swarm configs", "manager",
		newCreateCommand(c), newInspectCommand(c), newListCommand(c), newRemoveCommand(c)), "1.30")
}

// Entries is the group under the root.
func Entries() []cli.Entry {
	return []cli.Entry{{Name: "config", Build: Group}}
}
