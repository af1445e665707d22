package checkpoint

import (
	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
)

func newRemoveCommand(c *cli.CLI) *cobra.Command {
	var dir string
	cmd := &cobra.Command{
		Use:     "rm [OPTIONS] CONTAINER CHECKPOINT",
		Aliases: []string{"remove"},
		Short:   "Remove a checkpoint",
		Args:    cli.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			client, err := c.Client(cmd.Context())
			if err != nil {
				return err
			}
			return client.CheckpointDelete(cmd.Context(), args[0], args[1], dir)
		},
	}
	cmd.Flags().StringVar(&dir, "checkpoint-dir", "", "Use a custom checkpoint storage directory")
	return cmd
}
