package trust

import (
	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/trust"
)

func newKeyGenerateCommand(c *cli.CLI) *cobra.Command {
	var dir string
	cmd := &cobra.Command{
		Use:   "generate NAME",
		Short: "Generate and load a signing key-pair",
		Args:  cli.ExactArgs(1),
		// Notary's encrypted key store is not implemented.
		RunE: func(cmd *cobra.Command, args []string) error { return trust.ErrUnsupported },
	}
	cmd.Flags().StringVar(&dir, "dir", "", "Directory to generate key in, defaults to current directory")
	return cmd
}
