package plugin

import (
	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/format"
)

func newInspectCommand(c *cli.CLI) *cobra.Command {
	var tmpl string
	cmd := &cobra.Command{
		Use:   "inspect [OPTIONS] PLUGIN [PLUGIN...]",
		Short: "Display detailed information on one or more plugins",
		Args:  cli.RequiresMinArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			w, err := c.NewInspect(tmpl)
			if err != nil {
				return err
			}
			client, err := c.Client(cmd.Context())
			if err != nil {
				return err
			}
			return w.Each(args, func(name string) error {
				raw, err := client.PluginInspect(cmd.Context(), name)
				if err != nil {
					return err
				}
				return w.Add(raw, nil)
			})
		},
	}
	cmd.Flags().StringVarP(&tmpl, "format", "f", "", format.InspectUsage)
	return cmd
}
