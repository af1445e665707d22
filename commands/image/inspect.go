package image

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/format"
	"github.com/dockerclone/docker/cli/format/shapes"
)

type inspectOptions struct {
	format   string
	platform string
	names    []string
}

func newInspectCommand(c *cli.CLI) *cobra.Command {
	var opts inspectOptions
	cmd := cli.Command("inspect [OPTIONS] IMAGE [IMAGE...]", "Display detailed information on one or more images",
		cli.RequiresMinArgs(1), func(cmd *cobra.Command, args []string) error {
			opts.names = args
			return runInspect(cmd.Context(), c, &opts)
		})
	cmd.DisableFlagsInUseLine = true
	fl := cmd.Flags()
	fl.StringVarP(&opts.format, "format", "f", "", format.InspectUsage)
	fl.StringVar(&opts.platform, "platform", "", "Inspect a specific platform of the multi-platform image.\n"+
		"If the image or the server is not multi-platform capable, the command will error out if the platform does not match.\n"+
		"'os[/arch[/variant]]': Explicit platform (eg. linux/amd64)")
	cli.MinAPI(fl, "1.49", "platform")
	return cmd
}

// runInspect prints what the daemon knows of each image, in argument order
// (see format.Inspect). Images that are not found or that the template fails
// on are reported after the output and fail the command.
func runInspect(ctx context.Context, c *cli.CLI, opts *inspectOptions) error {
	w, err := c.NewInspect(opts.format)
	if err != nil {
		return err
	}
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	return w.Each(opts.names, func(name string) error {
		raw, err := client.ImageInspectPlatform(ctx, name, opts.platform)
		if err != nil {
			return err
		}
		return w.Add(raw, new(shapes.Image))
	})
}
