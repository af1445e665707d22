package trust

import (
	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
)

func newSignCommand(c *cli.CLI) *cobra.Command {
	var local bool
	cmd := cli.Command("sign IMAGE:TAG", "Sign an image", cli.ExactArgs(1), func(cmd *cobra.Command, args []string) error {
		named, err := parseTagged(args[0])
		if err != nil {
			return err
		}
		return sign(cmd.Context(), c, named)
	})
	cmd.Flags().BoolVar(&local, "local", false, "Sign a locally tagged image")
	return cmd
}
