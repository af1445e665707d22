package service

import (
	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/service"
)

func newListCommand(c *cli.CLI) *cobra.Command {
	return cli.NewListCommand(c, "List services", func() cli.Lister[engine.Service] { return service.Lister })
}
