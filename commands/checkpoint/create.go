package checkpoint

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
)

type createOptions struct {
	leaveRunning  bool
	checkpointDir string
}

func newCreateCommand(c *cli.CLI) *cobra.Command {
	var o createOptions
	cmd := &cobra.Command{
		Use:   "create [OPTIONS] CONTAINER CHECKPOINT",
		Short: "Create a checkpoint from a running container",
		Args:  cli.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			client, err := c.Client(cmd.Context())
			if err != nil {
				return err
			}
			if err := client.CheckpointCreate(cmd.Context(), args[0], args[1], o.checkpointDir, !o.leaveRunning); err != nil {
				return err
			}
			fmt.Fprintln(c.Out, args[1])
			return nil
		},
	}
	cmd.Flags().BoolVar(&o.leaveRunning, "leave-running", false, "Leave the container running after checkpoint")
	cmd.Flags().StringVar(&o.checkpointDir, "checkpoint-dir", "", "Use a custom checkpoint storage directory")
	return cmd
}
