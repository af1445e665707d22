package commands

import (
	"slices"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/commands/builder"
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
		withSubcommand(image.Entries(), "image", builder.NewBuildCommand),
		builder.Entries(),
		system.Entries(),
		registry.Entries(),
		network.Entries(),
		volume.Entries(),
		manifest.Entries(),
		checkpoint.Entries(),
		trustcmd.Entries(),
		plugin.Entries(),
		contextcmd.Entries(),
		swarmcmd.Entries(),
		node.Entries(),
		secret.Entries(),
		configcmd.Entries(),
		service.Entries(),
		stack.Entries(),
	)
}

// withSubcommand adds a command built elsewhere to the group entry named
// group (docker image build lives with the builder).
func withSubcommand(list []cli.Entry, group string, sub func(*cli.CLI) *cobra.Command) []cli.Entry {
	for i, e := range list {
		if e.Name == group {
			build := e.Build
			list[i].Build = func(c *cli.CLI) *cobra.Command {
				cmd := build(c)
				cmd.AddCommand(sub(c))
				return cmd
			}
		}
	}
	return list
}

// isEntry reports whether name is one of this client's root commands.
func isEntry(name string) bool {
	return slices.ContainsFunc(entries(), func(e cli.Entry) bool { return e.Name == name })
}

// addCommands builds the root's commands: only the one named when it is
// known (the common case: a run pays for one command's flags), else all.
// It reports whether it built the one only.
func addCommands(c *cli.CLI, root *cobra.Command, only string) bool {
	all := entries()
	if only != "" && slices.ContainsFunc(all, func(e cli.Entry) bool { return e.Name == only }) {
		for _, e := range all {
			if e.Name == only {
				root.AddCommand(e.Build(c))
			}
		}
		return true
	}
	for _, e := range all {
		root.AddCommand(e.Build(c))
	}
	return false
}
