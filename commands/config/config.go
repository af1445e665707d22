// Package config holds the commands that manage swarm configs
// (docker config ...).
package config

import (
	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
)

// Group is `docker config`.
func Group(c *cli.CLI) *cobra.Command {
	cmd := &cobra.Command{
		Use:         "config",
		Short:       "Manage Swarm configs",
		Args:        cli.NoArgs,
		Annotations: map[string]string{"swarm": "manager"},
		RunE:        func(cmd *cobra.Command, args []string) error { return cmd.Help() },
	}
	cmd.AddCommand(
		newCreateCommand(c),
		newInspectCommand(c),
		newListCommand(c),
		newRemoveCommand(c),
	)
	return cmd
}

// Entries is the group under the root.
func Entries() []cli.Entry {
	return []cli.Entry{{Name: "config", Build: Group}}
}
