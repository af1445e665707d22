package plugin

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/format"
)

func newInspectCommand(c *cli.CLI) *cobra.Command {
	var tmpl string
	cmd := cli.Command("inspect [OPTIONS] PLUGIN [PLUGIN...]", "Display detailed information on one or more plugins",
		cli.RequiresMinArgs(1), func(cmd *cobra.Command, args []string) error {
			return c.InspectEach(cmd.Context(), tmpl, args, func(ctx context.Context, client *engine.Client, w *format.Inspect, name string) error {
				raw, err := client.PluginInspect(ctx, name)
				if err != nil {
					return err
				}
				return w.Add(raw, nil)
			})
		})
	cmd.Flags().StringVarP(&tmpl, "format", "f", "", format.InspectUsage)
	return cmd
}
