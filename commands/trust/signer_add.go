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
	cmd := cli.Command("add OPTIONS NAME REPOSITORY [REPOSITORY...] ", "Add a signer", cli.RequiresMinArgs(2), func(cmd *cobra.Command, args []string) error {
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
		return eachRepository(c, args[1:], "failed to add signer to",
			func(repo string) { fmt.Fprintf(c.Out, "Adding signer %q to %s...\n", signer, repo) },
			func(_ string, named reference.Named) error {
				return sign(cmd.Context(), c, named)
			})
	})
	cmd.Flags().Var(keys, "key", "Path to the signer's public key file")
	return cmd
}
