package trust

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
)

func newSignCommand(c *cli.CLI) *cobra.Command {
	var local bool
	cmd := &cobra.Command{
		Use:   "sign IMAGE:TAG",
		Short: "Sign an image",
		Args:  cli.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := fetchRoot(cmd.Context(), c, args[0]); err != nil {
				return fmt.Errorf("Error: %w", err)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&local, "local", false, "Sign a locally tagged image")
	return cmd
}
