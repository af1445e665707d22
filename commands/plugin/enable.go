package plugin

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
)

func newEnableCommand(c *cli.CLI) *cobra.Command {
	var timeout int
	cmd := &cobra.Command{
		Use:   "enable [OPTIONS] PLUGIN",
		Short: "Enable a plugin",
		Args:  cli.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if timeout < 0 {
				return fmt.Errorf("negative timeout %d is invalid", timeout)
			}
			client, err := c.Client(cmd.Context())
			if err != nil {
				return err
			}
			if err := client.PluginEnable(cmd.Context(), args[0], timeout); err != nil {
				return err
			}
			fmt.Fprintln(c.Out, args[0])
			return nil
		},
	}
	cmd.Flags().IntVar(&timeout, "timeout", 30, "HTTP client timeout (in seconds)")
	return cmd
}
