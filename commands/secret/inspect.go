package secret

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
		Use:   "inspect [OPTIONS] SECRET [SECRET...]",
		Short: "Display detailed information on one or more secrets",
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
		secrets, err := cli.FetchAll(names, func(name string) (engine.Secret, []byte, error) {
			return client.SecretInspect(ctx, name)
		})
		for _, s := range secrets {
			printPretty(c, &s)
		}
		return err
	}
	return w.Each(names, func(name string) error {
		_, raw, err := client.SecretInspect(ctx, name)
		if err != nil {
			return err
		}
		return w.Add(raw, new(swarm.Secret))
	})
}

func printPretty(c *cli.CLI, s *engine.Secret) {
	fmt.Fprintf(c.Out, "ID:              %s\nName:              %s\n", s.ID, s.Spec.Name)
	format.WriteLabels(c.Out, "Labels:", s.Spec.Labels)
	driver := ""
	if s.Spec.Driver != nil {
		driver = s.Spec.Driver.Name
	}
	fmt.Fprintf(c.Out, "Driver:            %s\nCreated at:        %s\nUpdated at:        %s\n",
		driver, format.PrettyTime(s.CreatedAt), format.PrettyTime(s.UpdatedAt))
}
