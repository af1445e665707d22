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
func lifecycleTopLevel(c *cli.CLI) []*cobra.Command {
	return []*cobra.Command{
		newPsCommand(c, true),
		newStopCommand(c),
		newKillCommand(c),
		newRmCommand(c),
		newLogsCommand(c),
		newCommitCommand(c),
		newInspectCommand(c),
		newWaitCommand(c),
		newRestartCommand(c),
		newPauseCommand(c),
		newUnpauseCommand(c),
		newRenameCommand(c),
	}
}
