package container

import (
	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
)

// lifecycleCommands: ps/ls, stop, kill, rm, logs, commit, inspect, wait, restart, pause, unpause...
func lifecycleCommands(c *cli.CLI) []*cobra.Command { return nil }

// lifecycleTopLevel are their root shortcuts.
func lifecycleTopLevel(c *cli.CLI) []*cobra.Command { return nil }
