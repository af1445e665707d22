package container

import (
	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
)

// lifecycleCommands are the `docker container` subcommands that act on
// existing containers: ls, stop, kill, rm, logs, commit, inspect, wait,
// restart, pause, unpause, rename.
func lifecycleCommands(c *cli.CLI) []*cobra.Command {
	return []*cobra.Command{
		newPsCommand(c, false),
		newStopCommand(c),
		newKillCommand(c),
		newRmCommand(c),
		newLogsCommand(c),
		newCommitCommand(c),
		newContainerInspectCommand(c),
		newWaitCommand(c),
		newRestartCommand(c),
		newPauseCommand(c),
		newUnpauseCommand(c),
		newRenameCommand(c),
	}
}

// lifecycleTopLevel are their root shortcuts (docker ps, docker stop, ...)
// and the top-level `docker inspect`, which looks up any kind of object.
func lifecycleTopLevel() []cli.Entry {
	return []cli.Entry{
		{Name: "ps", Build: func(c *cli.CLI) *cobra.Command { return newPsCommand(c, true) }},
		{Name: "stop", Build: newStopCommand},
		{Name: "kill", Build: newKillCommand},
		{Name: "rm", Build: newRmCommand},
		{Name: "logs", Build: newLogsCommand},
		{Name: "commit", Build: newCommitCommand},
		{Name: "inspect", Build: newInspectCommand},
		{Name: "wait", Build: newWaitCommand},
		{Name: "restart", Build: newRestartCommand},
		{Name: "pause", Build: newPauseCommand},
		{Name: "unpause", Build: newUnpauseCommand},
		{Name: "rename", Build: newRenameCommand},
	}
}
