package config

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/format"
	"github.com/dockerclone/docker/cli/format/shapes/swarm"
)

type inspectOptions struct {
	format string
	pretty bool
}

func newInspectCommand(c *cli.CLI) *cobra.Command {
	var o inspectOptions
	cmd := &cobra.Command{
		Use:   "inspect [OPTIONS] CONFIG [CONFIG...]",
		Short: "Display detailed information on one or more configs",
		Args:  cli.RequiresMinArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runInspect(cmd.Context(), c, o, args)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.format, "format", "f", "", format.InspectUsage)
	f.BoolVar(&o.pretty, "pretty", false, "Print the information in a human friendly format")
	return cmd
}

func runInspect(ctx context.Context, c *cli.CLI, o inspectOptions, names []string) error {
	var w *format.Inspect
	if !o.pretty {
		var err error
		if w, err = c.NewInspect(o.format); err != nil {
			return err
		}
	}
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	if o.pretty {
		configs, err := cli.FetchAll(names, func(name string) (engine.Config, []byte, error) {
			return client.ConfigInspect(ctx, name)
		})
		for _, cf := range configs {
			fmt.Fprintf(c.Out, "ID:\t\t\t%s\nName:\t\t\t%s\n", cf.ID, cf.Spec.Name)
			format.WriteLabels(c.Out, "Labels:", cf.Spec.Labels)
			fmt.Fprintf(c.Out, "Created at:            \t%s\nUpdated at:            \t%s\nData:\n%s\n",
				format.PrettyTime(cf.CreatedAt), format.PrettyTime(cf.UpdatedAt), cf.Spec.Data)
		}
		return err
	}
	return w.Each(names, func(name string) error {
		_, raw, err := client.ConfigInspect(ctx, name)
		if err != nil {
			return err
		}
		return w.Add(raw, new(swarm.Config))
	})
}
