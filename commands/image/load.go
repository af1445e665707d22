package image

import (
	"context"
	"errors"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
)

type loadOptions struct {
	input    string
	quiet    bool
	platform string
}

func newLoadCommand(c *cli.CLI) *cobra.Command {
	var opts loadOptions
	cmd := cli.Command("load [OPTIONS]", "Load an image from a tar archive or STDIN", cli.NoArgs,
		func(cmd *cobra.Command, args []string) error { return runLoad(cmd.Context(), c, &opts) },
		"docker image load", "docker load")
	cmd.DisableFlagsInUseLine = true
	fl := cmd.Flags()
	fl.StringVarP(&opts.input, "input", "i", "", "Read from tar archive file, instead of STDIN")
	fl.BoolVarP(&opts.quiet, "quiet", "q", false, "Suppress the load output")
	fl.StringVar(&opts.platform, "platform", "",
		`Load only the given platform variant. Formatted as "os[/arch[/variant]]" (e.g., "linux/amd64")`)
	cli.MinAPI(fl, "1.48", "platform")
	return cmd
}

var errLoadTerminal = errors.New("requested load from stdin, but stdin is empty")

// runLoad sends the archive and shows the daemon's messages ("Loaded image:
// ..."); the daemon draws progress bars only for a terminal without -q.
func runLoad(ctx context.Context, c *cli.CLI, opts *loadOptions) error {
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	var in io.Reader = c.In
	if opts.input != "" {
		f, err := os.Open(opts.input)
		if err != nil {
			return err
		}
		defer f.Close()
		in = f
	} else if c.In.IsTerminal() {
		return errLoadTerminal
	}
	quiet := opts.quiet || !c.Out.IsTerminal()
	body, err := client.ImageLoad(ctx, in, quiet, opts.platform)
	if err != nil {
		return err
	}
	defer body.Close()
	return c.ShowProgress(body, false)
}
