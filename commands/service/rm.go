package service

import (
	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
)

func newRemoveCommand(c *cli.CLI) *cobra.Command {
	return cli.NewRemoveCommand(c, "rm SERVICE [SERVICE...]", "Remove one or more services", (*engine.Client).ServiceRemove)
}
