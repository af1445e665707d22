package trust

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
)

func newRevokeCommand(c *cli.CLI) *cobra.Command {
	var yes bool
	cmd := &cobra.Command{
		Use:   "revoke [OPTIONS] IMAGE[:TAG]",
		Short: "Remove trust for an image",
		Args:  cli.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := fetchRoot(cmd.Context(), c, args[0]); err != nil {
				return fmt.Errorf("could not remove signature for %s: %w", args[0], cause(err))
			}
			return nil
		},
	}
	cmd.Flags().BoolVarP(&yes, "yes", "y", false, "Do not prompt for confirmation")
	return cmd
}
