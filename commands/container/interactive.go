package container

import (
	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
)

// interactiveCommands: run, create, start, attach, exec.
func interactiveCommands(c *cli.CLI) []*cobra.Command {
	return []*cobra.Command{
		newRunCommand(c), newCreateCommand(c), newStartCommand(c), newAttachCommand(c), newExecCommand(c),
	}
}

// interactiveTopLevel are their root shortcuts (docker run, docker exec, ...).
func interactiveTopLevel() []cli.Entry {
	return []cli.Entry{
		{Name: "run", Build: newRunCommand},
		{Name: "create", Build: newCreateCommand},
		{Name: "start", Build: newStartCommand},
		{Name: "attach", Build: newAttachCommand},
		{Name: "exec", Build: newExecCommand},
	}
}
