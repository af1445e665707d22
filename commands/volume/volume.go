// Package volume holds the volume commands (docker volume ...).
package volume

import (
	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
)

// Group is `docker volume`.
func Group(c *cli.CLI) *cobra.Command {
	return cli.NewGroup("volume COMMAND", "Manage volumes",
		newCreateCommand(c),
		newInspectCommand(c),
		newListCommand(c),
		newRemoveCommand(c),
		newPruneCommand(c),
		newUpdateCommand(c),
	)
}

// Entries is the group under the root; volumes have no shortcuts.
func Entries() []cli.Entry {
	return []cli.Entry{{Name: "volume", Build: Group}}
}
