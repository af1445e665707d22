package secret

import (
	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
)

func newRemoveCommand(c *cli.CLI) *cobra.Command {
	return cli.NewRemoveCommand(c, "rm SECRET [SECRET...]", "Remove one or more secrets", engine.Secrets.Remove)
}
