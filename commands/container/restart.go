package container

import (
	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
)

func newRestartCommand(c *cli.CLI) *cobra.Command {
	return newStopLikeCommand(c, "restart [OPTIONS] CONTAINER [CONTAINER...]", "Restart one or more containers",
		(*engine.Client).ContainerRestart)
}
