// Package secret holds the commands that manage swarm secrets
// (docker secret ...).
package secret

import (
	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
)

// Group is `docker secret`.
func Group(c *cli.CLI) *cobra.Command {
	cmd := &cobra.Command{
		Use:         "secret",
		Short:       "Manage Swarm secrets",
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
	return []cli.Entry{{Name: "secret", Build: Group}}
}
