package image

import (
	"context"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/opts"
	"github.com/dockerclone/docker/cli/reference"
)

type importOptions struct {
	source   string
	repo     string
	message  string
	changes  *opts.List
	platform string
}

func newImportCommand(c *cli.CLI) *cobra.Command {
	o := importOptions{changes: opts.NewList(nil)}
	cmd := cli.Command("import [OPTIONS] file|URL|- [REPOSITORY[:TAG]]", "Import the contents from a tarball to create a filesystem image",
		cli.RequiresMinArgs(1), func(cmd *cobra.Command, args []string) error {
			o.source = args[0]
			if len(args) > 1 {
				o.repo = args[1]
			}
			return runImport(cmd.Context(), c, &o)
		},
		"docker image import", "docker import")
	cmd.DisableFlagsInUseLine = true
	fl := cmd.Flags()
	fl.VarP(o.changes, "change", "c", "Apply Dockerfile instruction to the created image")
	fl.StringVarP(&o.message, "message", "m", "", "Set commit message for imported image")
	fl.StringVar(&o.platform, "platform", os.Getenv("DOCKER_DEFAULT_PLATFORM"), "Set platform if server is multi-platform capable")
	cli.MinAPI(fl, "1.32", "platform")
	return cmd
}

// runImport sends stdin ("-") or a local file as the body; a URL is fetched
// by the daemon itself. The stream's last line is the new image's ID.
func runImport(ctx context.Context, c *cli.CLI, opts *importOptions) error {
	if opts.repo != "" {
		if _, err := reference.ParseNormalizedNamed(opts.repo); err != nil {
			return err
		}
	}
	src := engine.ImageImportOptions{Source: "-", Repo: opts.repo, Message: opts.message,
		Changes: opts.changes.Values(), Platform: opts.platform}
	var body io.Reader = c.In
	switch {
	case opts.source == "-":
	case strings.HasPrefix(opts.source, "http://") || strings.HasPrefix(opts.source, "https://"):
		src.Source = opts.source
		body = nil
	default:
		f, err := os.Open(opts.source)
		if err != nil {
			return err
		}
		defer f.Close()
		body = f
	}
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	out, err := client.ImageImport(ctx, body, src)
	if err != nil {
		return err
	}
	defer out.Close()
	return c.ShowProgress(out, false)
}
