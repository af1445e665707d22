package config

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/opts"
)

type createOptions struct {
	templateDriver string
	labels         *opts.List
}

func newCreateCommand(c *cli.CLI) *cobra.Command {
	o := createOptions{labels: opts.NewList(opts.ValidateLabel)}
	cmd := cli.Command("create [OPTIONS] CONFIG file|-", "Create a config from a file or STDIN", cli.ExactArgs(2),
		func(cmd *cobra.Command, args []string) error { return runCreate(cmd.Context(), c, o, args[0], args[1]) })
	f := cmd.Flags()
	f.VarP(o.labels, "label", "l", "Config labels")
	f.StringVar(&o.templateDriver, "template-driver", "", "Template driver")
	cli.MinAPI(f, "1.37", "template-driver")
	return cmd
}

func runCreate(ctx context.Context, c *cli.CLI, o createOptions, name, file string) error {
	data, err := c.ReadContent(file)
	if err != nil {
		return fmt.Errorf("Error reading content from %q: %w", file, err)
	}
	spec := engine.ConfigSpec{Annotations: engine.Annotations{Name: name, Labels: opts.KeyValueMap(o.labels.Values())}, Data: data}
	if o.templateDriver != "" {
		spec.Templating = &engine.SwarmDriver{Name: o.templateDriver}
	}
	return c.PrintCreated(ctx, func(ctx context.Context, client *engine.Client) (string, error) {
		return engine.Configs.Create(client, ctx, spec)
	})
}
