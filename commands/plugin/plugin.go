// Package plugin holds `docker plugin`: the engine's managed plugins.
package plugin

import (
	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
)

// Group is `docker plugin`.
func Group(c *cli.CLI) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "plugin",
		Short: "Manage plugins",
		Args:  cli.NoArgs,
		RunE:  func(cmd *cobra.Command, args []string) error { return cmd.Help() },
	}
	cmd.AddCommand(newCreateCommand(c), newDisableCommand(c), newEnableCommand(c), newInspectCommand(c),
		newInstallCommand(c), newListCommand(c), newPushCommand(c), newRemoveCommand(c), newSetCommand(c),
		newUpgradeCommand(c))
	return cli.MinAPICommand(cmd, "1.25")
}

// Entries is the root command `docker plugin`.
func Entries() []cli.Entry { return []cli.Entry{{Name: "plugin", Build: Group}} }
