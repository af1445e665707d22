package trust

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/opts"
	"github.com/dockerclone/docker/cli/reference"
)

func newSignerAddCommand(c *cli.CLI) *cobra.Command {
	keys := opts.NewList(nil)
	cmd := &cobra.Command{
		Use:   "add OPTIONS NAME REPOSITORY [REPOSITORY...] ",
		Short: "Add a signer",
		Args:  cli.RequiresMinArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			signer := args[0]
			switch {
			case signer == releasesRole:
				return errors.New("releases is a reserved keyword, use a different signer name")
			case !validName(signer):
				return errBadName("signer", signer)
			case len(keys.Values()) == 0:
				return errors.New("path to a public key must be provided using the `--key` flag")
			}
			for _, k := range keys.Values() {
				if err := readPublicKey(c, k); err != nil {
					return err
				}
			}
			return eachRepository(c, args[1:], "failed to add signer to", func(repo string) error {
				fmt.Fprintf(c.Out, "Adding signer %q to %s...\n", signer, repo)
				c.Out.Flush()
				named, err := reference.ParseNormalizedNamed(repo)
				if err != nil {
					return err
				}
				if err := fetchRootOf(cmd.Context(), named); err != nil {
					return fmt.Errorf("Error: %w", err)
				}
				return nil
			})
		},
	}
	cmd.Flags().Var(keys, "key", "Path to the signer's public key file")
	return cmd
}
