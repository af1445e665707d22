package plugin

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
)

func newEnableCommand(c *cli.CLI) *cobra.Command {
	var timeout int
	cmd := cli.Command("enable [OPTIONS] PLUGIN", "Enable a plugin", cli.ExactArgs(1),
		func(cmd *cobra.Command, args []string) error {
			if timeout < 0 {
				return fmt.Errorf("negative timeout %d is invalid", timeout)
			}
			return c.PrintName(cmd.Context(), args[0], func(ctx context.Context, client *engine.Client, name string) error {
				return client.PluginEnable(ctx, name, timeout)
			})
		})
	cmd.Flags().IntVar(&timeout, "timeout", 30, "HTTP client timeout (in seconds)")
	return cmd
}
