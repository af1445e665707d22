package commands

import (
	"slices"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/commands/checkpoint"
	configcmd "github.com/dockerclone/docker/commands/config"
	"github.com/dockerclone/docker/commands/container"
	contextcmd "github.com/dockerclone/docker/commands/context"
	"github.com/dockerclone/docker/commands/image"
	"github.com/dockerclone/docker/commands/manifest"
	"github.com/dockerclone/docker/commands/network"
	"github.com/dockerclone/docker/commands/node"
	"github.com/dockerclone/docker/commands/plugin"
	"github.com/dockerclone/docker/commands/registry"
	"github.com/dockerclone/docker/commands/secret"
	"github.com/dockerclone/docker/commands/service"
	"github.com/dockerclone/docker/commands/stack"
	swarmcmd "github.com/dockerclone/docker/commands/swarm"
	"github.com/dockerclone/docker/commands/system"
	trustcmd "github.com/dockerclone/docker/commands/trust"
	"github.com/dockerclone/docker/commands/volume"
)

// entries lists every root-level command, group by group, explicitly.
func entries() []cli.Entry {
	return slices.Concat(
		container.Entries(),
		image.Entries(),
		system.Entries(),
		registry.Entries(),
		network.Entries(),
		volume.Entries(),
		manifest.Entries(),
		checkpoint.Entries(),
		trustcmd.Entries(),
		plugin.Entries(),
		[]cli.Entry{{Name: "context", Build: contextcmd.Group}},
		swarmcmd.Entries(),
		node.Entries(),
		secret.Entries(),
		configcmd.Entries(),
		service.Entries(),
		stack.Entries(),
	)
}

// addCommands builds the root's commands: only the one named when it is
// known (the common case: a run pays for one command's flags), else all.
func addCommands(c *cli.CLI, root *cobra.Command, only string) {
	all := entries()
	if only != "" && slices.ContainsFunc(all, func(e cli.Entry) bool { return e.Name == only }) {
		for _, e := range all {
			if e.Name == only {
				root.AddCommand(e.Build(c))
			}
		}
		return
	}
	for _, e := range all {
		root.AddCommand(e.Build(c))
	}
}
