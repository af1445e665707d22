package trust

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/trust"
)

func newKeyGenerateCommand(c *cli.CLI) *cobra.Command {
	var dir string
	cmd := cli.Command("generate NAME", "Generate and load a signing key-pair", cli.ExactArgs(1), func(cmd *cobra.Command, args []string) error {
		name := args[0]
		if !validName(name) {
			return errBadName("key", name)
		}
		if dir != "" {
			if _, err := os.Stat(dir); err != nil {
				return fmt.Errorf("public key path does not exist: %q", dir)
			}
		}
		fmt.Fprintf(c.Out, "Generating key for %s...\n", name)
		// Notary's encrypted key store is not implemented.
		return trust.ErrUnsupported
	})
	cmd.Flags().StringVar(&dir, "dir", "", "Directory to generate key in, defaults to current directory")
	return cmd
}
