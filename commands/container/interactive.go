package container

import (
	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
)

// interactiveCommands: run, create, start, attach, exec.
func interactiveCommands(c *cli.CLI) []*cobra.Command { return nil }

// interactiveTopLevel are their root shortcuts.
func interactiveTopLevel(c *cli.CLI) []*cobra.Command { return nil }
