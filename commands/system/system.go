// Package system holds version, info and other engine-wide commands.
package system

import (
	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/commands/system/events"
)

// Group is `docker system`.
func Group(c *cli.CLI) *cobra.Command {
	return cli.NewGroup("system", "Manage Docker",
		newDialStdioCommand(c), events.NewCommand(c), newInfoCommand(c), newDiskUsageCommand(c), newSystemPruneCommand(c))
}

// Entries are the group and the shortcuts under the root.
func Entries() []cli.Entry {
	return []cli.Entry{{Name: "system", Build: Group}, {Name: "version", Build: newVersionCommand},
		{Name: "info", Build: newInfoCommand}, {Name: "inspect", Build: newInspectCommand},
		{Name: "events", Build: events.NewCommand}}
}
