package trust

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/opts"
)

func newSignerAddCommand(c *cli.CLI) *cobra.Command {
	keys := opts.NewList(nil)
	cmd := &cobra.Command{
		Use:   "add OPTIONS NAME REPOSITORY [REPOSITORY...] ",
		Short: "Add a signer",
		Args:  cli.RequiresMinArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			for _, k := range keys.Values() {
				if _, err := os.ReadFile(k); err != nil {
					return fmt.Errorf("unable to read public key from file: %w", err)
				}
			}
			for _, repo := range args[1:] {
				if err := fetchRoot(cmd.Context(), c, repo); err != nil {
					return fmt.Errorf("Error: %w", err)
				}
			}
			return nil
		},
	}
	cmd.Flags().Var(keys, "key", "Path to the signer's public key file")
	return cmd
}
