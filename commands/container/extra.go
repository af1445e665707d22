package container

import (
	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
)

// extraCommands are the `docker container` subcommands that look into or
// adjust existing containers: port, top, diff, export, cp, prune, update,
// stats.
func extraCommands(c *cli.CLI) []*cobra.Command {
	return []*cobra.Command{
		newPortCommand(c),
		newTopCommand(c),
		newDiffCommand(c),
		newExportCommand(c),
		newCpCommand(c),
		newContainerPruneCommand(c),
		newUpdateCommand(c),
		newStatsCommand(c),
	}
}

// extraTopLevel are their root shortcuts (prune has none).
func extraTopLevel() []cli.Entry {
	return []cli.Entry{
		{Name: "port", Build: newPortCommand},
		{Name: "top", Build: newTopCommand},
		{Name: "diff", Build: newDiffCommand},
		{Name: "export", Build: newExportCommand},
		{Name: "cp", Build: newCpCommand},
		{Name: "update", Build: newUpdateCommand},
		{Name: "stats", Build: newStatsCommand},
	}
}
