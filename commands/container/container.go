// Package container holds the container commands (docker container ...) and
// their top-level shortcuts (docker run, docker ps, ...).
package container

import (
	"errors"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
)

// Group is `docker container`.
func Group(c *cli.CLI) *cobra.Command {
	return cli.NewGroup("container", "Manage containers",
		newAttachCommand(c),
		newCommitCommand(c),
		newCpCommand(c),
		newCreateCommand(c),
		newDiffCommand(c),
		newExecCommand(c),
		newExportCommand(c),
		newContainerInspectCommand(c),
		newKillCommand(c),
		newLogsCommand(c),
		newPsCommand(c, false),
		newPauseCommand(c),
		newPortCommand(c),
		newContainerPruneCommand(c),
		newRenameCommand(c),
		newRestartCommand(c),
		newRmCommand(c),
		newRunCommand(c),
		newStartCommand(c),
		newStatsCommand(c),
		newStopCommand(c),
		newTopCommand(c),
		newUnpauseCommand(c),
		newUpdateCommand(c),
		newWaitCommand(c),
	)
}

// Entries are the group and its shortcuts under the root (docker ps, docker
// run, ...); prune and inspect have none here (the root's inspect looks up
// any kind of object).
func Entries() []cli.Entry {
	return []cli.Entry{
		{Name: "container", Build: Group},
		{Name: "attach", Build: newAttachCommand},
		{Name: "commit", Build: newCommitCommand},
		{Name: "cp", Build: newCpCommand},
		{Name: "create", Build: newCreateCommand},
		{Name: "diff", Build: newDiffCommand},
		{Name: "exec", Build: newExecCommand},
		{Name: "export", Build: newExportCommand},
		{Name: "kill", Build: newKillCommand},
		{Name: "logs", Build: newLogsCommand},
		{Name: "ps", Build: func(c *cli.CLI) *cobra.Command { return newPsCommand(c, true) }},
		{Name: "pause", Build: newPauseCommand},
		{Name: "port", Build: newPortCommand},
		{Name: "rename", Build: newRenameCommand},
		{Name: "restart", Build: newRestartCommand},
		{Name: "rm", Build: newRmCommand},
		{Name: "run", Build: newRunCommand},
		{Name: "start", Build: newStartCommand},
		{Name: "stats", Build: newStatsCommand},
		{Name: "stop", Build: newStopCommand},
		{Name: "top", Build: newTopCommand},
		{Name: "unpause", Build: newUnpauseCommand},
		{Name: "update", Build: newUpdateCommand},
		{Name: "wait", Build: newWaitCommand},
	}
}

// containerID validates a container argument the way the reference's client
// does before any request: surrounding spaces go, nothing left is an error.
func containerID(name string) (string, error) {
	id := strings.TrimSpace(name)
	if id == "" {
		return "", errors.New("invalid container name or ID: value is empty")
	}
	return id, nil
}
