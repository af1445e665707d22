// Package service holds the commands that list and manage swarm services
// (docker service ...).
package service

import (
	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
)

// Group is `docker service`.
func Group(c *cli.CLI) *cobra.Command {
	return cli.SwarmGroup("service", "Manage Swarm services", "manager",
		newCreateCommand(c), newInspectCommand(c), newLogsCommand(c), newListCommand(c), newPSCommand(c),
		newRemoveCommand(c), newRollbackCommand(c), newScaleCommand(c), newUpdateCommand(c))
}

// Entries is the group under the root.
func Entries() []cli.Entry {
	return []cli.Entry{{Name: "service", Build: Group}}
}
