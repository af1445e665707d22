// Package secret holds the commands that manage swarm secrets
// (docker secret ...).
package secret

import (
	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
)

// Group is `docker secret`.
func Group(c *cli.CLI) *cobra.Command {
	return cli.MinAPICommand(cli.SwarmGroup("secret", "Manage Swarm secrets", "manager",
		newCreateCommand(c), newInspectCommand(c), newListCommand(c), newRemoveCommand(c)), "1.25")
}

// Entries is the group under the root.
func Entries() []cli.Entry {
	return []cli.Entry{{Name: "secret", Build: Group}}
}
