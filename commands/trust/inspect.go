package trust

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
)

func newInspectCommand(c *cli.CLI) *cobra.Command {
	var pretty bool
	cmd := &cobra.Command{
		Use:   "inspect IMAGE[:TAG] [IMAGE[:TAG]...]",
		Short: "Return low-level information about keys and signatures",
		Args:  cli.RequiresMinArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var failed []string
			for _, ref := range args {
				if err := fetchRoot(cmd.Context(), ref); err != nil {
					failed = append(failed, "no signatures or cannot access "+ref)
				}
			}
			if !pretty {
				fmt.Fprintln(c.Out, "[]")
			}
			if len(failed) > 0 {
				return errors.New(strings.Join(failed, "\n"))
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&pretty, "pretty", false, "Print the information in a human friendly format")
	return cmd
}
