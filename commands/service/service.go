// Package service holds the commands that list and manage swarm services
// (docker service ...). Creating and updating services come later.
package service

import (
	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
)

// Group is `docker service`.
func Group(c *cli.CLI) *cobra.Command {
	cmd := &cobra.Command{
		Use:         "service",
		Short:       "Manage Swarm services",
		Args:        cli.NoArgs,
		Annotations: map[string]string{"swarm": "manager"},
		RunE:        func(cmd *cobra.Command, args []string) error { return cmd.Help() },
	}
	cmd.AddCommand(
		newInspectCommand(c),
		newLogsCommand(c),
		newListCommand(c),
		newPSCommand(c),
		newRemoveCommand(c),
	)
	return cmd
}

// Entries is the group under the root.
func Entries() []cli.Entry {
	return []cli.Entry{{Name: "service", Build: Group}}
}
