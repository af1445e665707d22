package checkpoint

import (
	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
)

func newRemoveCommand(c *cli.CLI) *cobra.Command {
	var dir string
	cmd := cli.Command("rm [OPTIONS] CONTAINER CHECKPOINT", "Remove a checkpoint", cli.ExactArgs(2),
		func(cmd *cobra.Command, args []string) error {
			client, err := c.Client(cmd.Context())
			if err != nil {
				return err
			}
			return client.CheckpointDelete(cmd.Context(), args[0], args[1], dir)
		})
	cmd.Aliases = []string{"remove"}
	addDirFlag(cmd, &dir)
	return cmd
}
