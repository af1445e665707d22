package checkpoint

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/format"
)

func newListCommand(c *cli.CLI) *cobra.Command {
	var dir string
	cmd := &cobra.Command{
		Use:     "ls [OPTIONS] CONTAINER",
		Aliases: []string{"list"},
		Short:   "List checkpoints for a container",
		Args:    cli.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			client, err := c.Client(cmd.Context())
			if err != nil {
				return err
			}
			cps, err := client.CheckpointList(cmd.Context(), args[0], dir)
			if err != nil {
				return err
			}
			f, err := format.Parse("table {{.Name}}", "")
			if err != nil {
				return err
			}
			w := format.NewWriter(c.Out, f, format.Header{"Name": "CHECKPOINT NAME"})
			for _, cp := range cps {
				if err := w.Write(cp); err != nil {
					return fmt.Errorf("template parsing error: %w", err)
				}
			}
			return w.Flush()
		},
	}
	cmd.Flags().StringVar(&dir, "checkpoint-dir", "", "Use a custom checkpoint storage directory")
	return cmd
}
