package secret

import (
	"context"
	"errors"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/opts"
)

type createOptions struct {
	driver, templateDriver string
	labels                 *opts.List
}

func newCreateCommand(c *cli.CLI) *cobra.Command {
	o := createOptions{labels: opts.NewList(opts.ValidateLabel)}
	cmd := cli.Command("create [OPTIONS] SECRET [file|-]", "Create a secret from a file or STDIN as content", cli.RequiresRangeArgs(1, 2),
		func(cmd *cobra.Command, args []string) error { return runCreate(cmd.Context(), c, o, args) })
	f := cmd.Flags()
	f.VarP(o.labels, "label", "l", "Secret labels")
	f.StringVarP(&o.driver, "driver", "d", "", "Secret driver")
	f.StringVar(&o.templateDriver, "template-driver", "", "Template driver")
	cli.MinAPI(f, "1.31", "driver")
	cli.MinAPI(f, "1.37", "template-driver")
	return cmd
}

// runCreate creates the secret from the file (stdin for "-"), or from its
// driver alone.
func runCreate(ctx context.Context, c *cli.CLI, o createOptions, args []string) error {
	spec := engine.SecretSpec{Annotations: engine.Annotations{Name: args[0], Labels: opts.KeyValueMap(o.labels.Values())}}
	switch {
	case o.driver != "" && len(args) == 2:
		return errors.New("When using secret driver secret data must be empty")
	case o.driver != "":
		spec.Driver = &engine.SwarmDriver{Name: o.driver}
	case len(args) == 1:
		return errors.New("secret file is required")
	default:
		data, err := c.ReadContent(args[1])
		if err != nil {
			return err
		}
		spec.Data = data
	}
	if o.templateDriver != "" {
		spec.Templating = &engine.SwarmDriver{Name: o.templateDriver}
	}
	return c.PrintCreated(ctx, func(ctx context.Context, client *engine.Client) (string, error) {
		return engine.Secrets.Create(client, ctx, spec)
	})
}
