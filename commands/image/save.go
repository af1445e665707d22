package image

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
)

type saveOptions struct {
	images   []string
	output   string
	platform string
}

func newSaveCommand(c *cli.CLI) *cobra.Command {
	var opts saveOptions
	cmd := cli.Command("save [OPTIONS] IMAGE [IMAGE...]", "Save one or more images to a tar archive (streamed to STDOUT by default)",
		cli.RequiresMinArgs(1), func(cmd *cobra.Command, args []string) error {
			opts.images = args
			return runSave(cmd.Context(), c, &opts)
		},
		"docker image save", "docker save")
	cmd.DisableFlagsInUseLine = true
	fl := cmd.Flags()
	fl.StringVarP(&opts.output, "output", "o", "", "Write to a file, instead of STDOUT")
	fl.StringVar(&opts.platform, "platform", "",
		`Save only the given platform variant. Formatted as "os[/arch[/variant]]" (e.g., "linux/amd64")`)
	cli.MinAPI(fl, "1.48", "platform")
	return cmd
}

// runSave streams the archive to stdout, or into -o through a temporary file
// renamed at the end, so a failed save never leaves a partial archive.
func runSave(ctx context.Context, c *cli.CLI, opts *saveOptions) error {
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	if err := c.CheckOutput(opts.output, "failed to save image"); err != nil {
		return err
	}
	body, err := client.ImageSave(ctx, opts.images, opts.platform)
	if err != nil {
		return err
	}
	defer body.Close()
	return c.WriteOutput(opts.output, "failed to save image", body)
}
