package commands

import (
	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/commands/container"
	contextcmd "github.com/dockerclone/docker/commands/context"
	"github.com/dockerclone/docker/commands/image"
	"github.com/dockerclone/docker/commands/registry"
	"github.com/dockerclone/docker/commands/system"
)

// addCommands wires every group and its top-level shortcuts, explicitly.
func addCommands(c *cli.CLI, root *cobra.Command) {
	root.AddCommand(container.Group(c), image.Group(c), system.Group(c))
	root.AddCommand(container.TopLevel(c)...)
	root.AddCommand(image.TopLevel(c)...)
	root.AddCommand(system.TopLevel(c)...)
	root.AddCommand(registry.TopLevel(c)...)
	root.AddCommand(contextcmd.Group(c))
}
