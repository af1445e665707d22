package trust

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/trust"
)

func newKeyLoadCommand(c *cli.CLI) *cobra.Command {
	var name string
	cmd := cli.Command("load [OPTIONS] KEYFILE", "Load a private key file for signing", cli.ExactArgs(1), func(cmd *cobra.Command, args []string) error {
		if name != "" && !validName(name) {
			return errBadName("key", name)
		}
		fmt.Fprintf(c.Out, "Loading key from %q...\n", args[0])
		if err := checkPrivateKey(c, args[0]); err != nil {
			return err
		}
		// Notary's encrypted key store is not implemented.
		return trust.ErrUnsupported
	})
	cmd.Flags().StringVar(&name, "name", "signer", "Name for the loaded key")
	return cmd
}
