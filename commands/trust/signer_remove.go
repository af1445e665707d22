package trust

import (
	"errors"
	"fmt"
	"slices"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/reference"
	"github.com/dockerclone/docker/cli/trust"
)

func newSignerRemoveCommand(c *cli.CLI) *cobra.Command {
	var force bool
	cmd := cli.Command("remove [OPTIONS] NAME REPOSITORY [REPOSITORY...]", "Remove a signer", cli.RequiresMinArgs(2), func(cmd *cobra.Command, args []string) error {
		signer := args[0]
		return eachRepository(c, args[1:], "error removing signer from",
			func(repo string) { fmt.Fprintf(c.Out, "Removing signer %q from %s...\n", signer, repo) },
			func(repo string, named reference.Named) error {
				if signer == releasesRole {
					return errors.New("releases is a reserved keyword and cannot be removed")
				}
				md, err := repository(c, named).Fetch(cmd.Context())
				if err != nil {
					return fmt.Errorf("error retrieving signers for %s: %w", repo, cause(err))
				}
				if !slices.ContainsFunc(md.Signers(), func(s trust.Signer) bool { return s.Name == signer }) {
					return fmt.Errorf("no signer %s for repository %s", signer, repo)
				}
				return trust.ErrUnsupported
			})
	})
	cmd.Flags().BoolVarP(&force, "force", "f", false, "Do not prompt for confirmation before removing the most recent signer")
	return cmd
}
