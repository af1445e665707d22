package trust

import (
	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/trust"
)

func newKeyLoadCommand(c *cli.CLI) *cobra.Command {
	var name string
	cmd := &cobra.Command{
		Use:   "load [OPTIONS] KEYFILE",
		Short: "Load a private key file for signing",
		Args:  cli.ExactArgs(1),
		// Notary's encrypted key store is not implemented.
		RunE: func(cmd *cobra.Command, args []string) error { return trust.ErrUnsupported },
	}
	cmd.Flags().StringVar(&name, "name", "signer", "Name for the loaded key")
	return cmd
}
