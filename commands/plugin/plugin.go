// Package plugin holds `docker plugin`: the engine's managed plugins.
package plugin

import (
	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
)

// Group is `docker plugin`.
func Group(c *cli.CLI) *cobra.Command {
	return cli.MinAPICommand(cli.NewGroup("plugin", "Manage plugins",
		newCreateCommand(c), newDisableCommand(c), newEnableCommand(c), newInspectCommand(c),
		newInstallCommand(c), newListCommand(c), newPushCommand(c), newRemoveCommand(c), newSetCommand(c),
		newUpgradeCommand(c)), "1.25")
}

// Entries is the root command `docker plugin`.
func Entries() []cli.Entry { return []cli.Entry{{Name: "plugin", Build: Group}} }
