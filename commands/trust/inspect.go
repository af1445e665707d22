package trust

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/reference"
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
				named, err := reference.ParseNormalizedNamed(ref)
				if err == nil {
					if err = fetchRootOf(cmd.Context(), named); err == nil {
						continue
					}
					err = fmt.Errorf("no signatures or cannot access %s", ref)
				}
				if pretty {
					return err // the pretty form stops at the first
				}
				failed = append(failed, err.Error())
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
