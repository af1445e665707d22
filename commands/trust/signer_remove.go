package trust

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/reference"
)

func newSignerRemoveCommand(c *cli.CLI) *cobra.Command {
	var force bool
	cmd := &cobra.Command{
		Use:   "remove [OPTIONS] NAME REPOSITORY [REPOSITORY...]",
		Short: "Remove a signer",
		Args:  cli.RequiresMinArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			signer := args[0]
			return eachRepository(c, args[1:], "error removing signer from", func(repo string) error {
				fmt.Fprintf(c.Out, "Removing signer %q from %s...\n", signer, repo)
				c.Out.Flush()
				named, err := reference.ParseNormalizedNamed(repo)
				if err != nil {
					return err
				}
				if signer == releasesRole {
					return errors.New("releases is a reserved keyword and cannot be removed")
				}
				if err := fetchRootOf(cmd.Context(), named); err != nil {
					return fmt.Errorf("error retrieving signers for %s: %w", repo, cause(err))
				}
				return nil
			})
		},
	}
	cmd.Flags().BoolVarP(&force, "force", "f", false, "Do not prompt for confirmation before removing the most recent signer")
	return cmd
}
