// Package network holds the network commands (docker network ...).
package network

import "github.com/dockerclone/docker/cli"

// Entries is `docker network`; networks have no shortcuts.
func Entries() []cli.Entry {
	return []cli.Entry{cli.GroupEntry("network", "Manage networks", newListCommand, newCreateCommand,
		newRemoveCommand, newInspectCommand, newConnectCommand, newDisconnectCommand, newPruneCommand)}
}
