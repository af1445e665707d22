package service

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
		Use:   "inspect [OPTIONS] SERVICE [SERVICE...]",
		Short: "Display detailed information on one or more services",
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

// runInspect shows the services with the daemon's defaults filled in.
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
	get := func(name string) (engine.Service, []byte, error) {
		s, raw, err := client.ServiceInspect(ctx, name, true)
		if engine.IsNotFound(err) {
			err = fmt.Errorf("Error: no such service: %s", name)
		}
		return s, raw, err
	}
	if o.pretty {
		services, err := cli.FetchAll(names, get)
		if err != nil {
			return err
		}
		for i := range services {
			printPretty(ctx, c.Out, client, &services[i])
		}
		return nil
	}
	return w.Each(names, func(name string) error {
		s, _, err := get(name)
		if err != nil {
			return err
		}
		return w.AddValue(swarm.Service(s))
	})
}
