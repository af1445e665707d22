// Package volume holds the volume commands (docker volume ...).
package volume

import "github.com/dockerclone/docker/cli"

// Entries is `docker volume`; volumes have no shortcuts.
func Entries() []cli.Entry {
	return []cli.Entry{cli.GroupEntry("volume COMMAND", "Manage volumes", newCreateCommand,
		newInspectCommand, newListCommand, newRemoveCommand, newPruneCommand, newUpdateCommand)}
}
