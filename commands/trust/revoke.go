package trust

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/reference"
	"github.com/dockerclone/docker/cli/trust"
)

func newRevokeCommand(c *cli.CLI) *cobra.Command {
	var yes bool
	cmd := cli.Command("revoke [OPTIONS] IMAGE[:TAG]", "Remove trust for an image", cli.ExactArgs(1), func(cmd *cobra.Command, args []string) error {
		named, err := parseUndigested(args[0])
		if err != nil {
			return err
		}
		// Without a tag every signature goes: the reference asks first, and
		// a "no" ends the command quietly.
		if _, tagged := named.(reference.Tagged); !tagged && !yes {
			ok, err := c.Confirm(cmd.Context(), "Confirm you would like to delete all signature data for "+args[0]+"?")
			if err != nil || !ok {
				return err
			}
		}
		err = repository(c, named).Reach(cmd.Context())
		if err == nil {
			err = trust.ErrUnsupported
		}
		return fmt.Errorf("could not remove signature for %s: %w", args[0], cause(err))
	})
	cmd.Flags().BoolVarP(&yes, "yes", "y", false, "Do not prompt for confirmation")
	return cmd
}
