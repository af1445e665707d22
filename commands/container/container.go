// Package container holds the container commands (docker container ...) and
// their top-level shortcuts (docker run, docker ps, ...).
package container

import (
	"context"
	"errors"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
)

// Group is `docker container`: every shortcut, with ls in place of ps, and
// inspect and prune, which exist only here.
func Group(c *cli.CLI) *cobra.Command {
	cmds := []*cobra.Command{newPsCommand(c, false), newContainerInspectCommand(c), newContainerPruneCommand(c)}
	for _, e := range shortcuts {
		if e.Name != "ps" {
			cmds = append(cmds, e.Build(c))
		}
	}
	return cli.NewGroup("container", "Manage containers", cmds...)
}

// Entries are the group and its shortcuts under the root (docker ps, docker
// run, ...); prune and inspect have none here (the root's inspect looks up
// any kind of object).
func Entries() []cli.Entry {
	return append([]cli.Entry{{Name: "container", Build: Group}}, shortcuts...)
}

// shortcuts are the container commands the root also has under their own
// name.
var shortcuts = []cli.Entry{
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

// newCommand is a container command that the root also has under its own
// name: its help lists both ("docker container kill, docker kill").
func newCommand(use, short string, args cobra.PositionalArgs, run func(*cobra.Command, []string) error) *cobra.Command {
	name, _, _ := strings.Cut(use, " ")
	return cli.Command(use, short, args, run, "docker container "+name, "docker "+name)
}

// clientFor checks a container argument and then dials the engine.
func clientFor(ctx context.Context, c *cli.CLI, name string) (*engine.Client, string, error) {
	id, err := containerID(name)
	if err != nil {
		return nil, "", err
	}
	client, err := c.Client(ctx)
	return client, id, err
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
