package trust

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
)

func newSignerRemoveCommand(c *cli.CLI) *cobra.Command {
	var force bool
	cmd := &cobra.Command{
		Use:   "remove [OPTIONS] NAME REPOSITORY [REPOSITORY...]",
		Short: "Remove a signer",
		Args:  cli.RequiresMinArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			var failed []string
			for _, repo := range args[1:] {
				fmt.Fprintf(c.Out, "Removing signer %q from %s...\n", args[0], repo)
				c.Out.Flush()
				if err := fetchRoot(cmd.Context(), c, repo); err != nil {
					fmt.Fprintf(c.Err, "error retrieving signers for %s: %v\n", repo, cause(err))
					failed = append(failed, repo)
				}
			}
			if len(failed) > 0 {
				return fmt.Errorf("\nerror removing signer from: %s", strings.Join(failed, ", "))
			}
			return nil
		},
	}
	cmd.Flags().BoolVarP(&force, "force", "f", false, "Do not prompt for confirmation before removing the most recent signer")
	return cmd
}
