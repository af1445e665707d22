// Package container holds the container commands (docker container ...) and
// their top-level shortcuts (docker run, docker ps, ...).
package container

import (
	"slices"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
)

// Group is `docker container`.
func Group(c *cli.CLI) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "container",
		Short: "Manage containers",
		Args:  cli.NoArgs,
		RunE:  func(cmd *cobra.Command, args []string) error { return cmd.Help() },
	}
	cmd.AddCommand(lifecycleCommands(c)...)
	cmd.AddCommand(interactiveCommands(c)...)
	cmd.AddCommand(extraCommands(c)...)
	return cmd
}

// Entries are the group and its shortcuts under the root (docker ps, docker run...).
func Entries() []cli.Entry {
	return append([]cli.Entry{{Name: "container", Build: Group}},
		slices.Concat(lifecycleTopLevel(), interactiveTopLevel(), extraTopLevel())...)
}
