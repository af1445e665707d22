package image

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/format"
	formatter "github.com/dockerclone/docker/cli/formatter/image"
	"github.com/dockerclone/docker/cli/opts"
)

type listOptions struct {
	match   string // REPOSITORY[:TAG] argument
	all     bool
	quiet   bool
	digests bool
	noTrunc bool
	format  string
	filters opts.Filter
	tree    bool
	hint    bool // suggest `docker image WORD`; only the top-level `docker images` does
}

func newListCommand(c *cli.CLI) *cobra.Command {
	var opts listOptions
	cmd := cli.Command("images [OPTIONS] [REPOSITORY[:TAG]]", "List images", cli.RequiresMaxArgs(1),
		func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				opts.match = args[0]
			}
			opts.hint = cmd.Name() == "images"
			return runList(cmd.Context(), c, &opts)
		},
		"docker image ls", "docker image list", "docker images")
	cmd.DisableFlagsInUseLine = true
	fl := cmd.Flags()
	fl.BoolVarP(&opts.quiet, "quiet", "q", false, "Only show image IDs")
	fl.BoolVarP(&opts.all, "all", "a", false, "Show all images (default hides intermediate images)")
	fl.BoolVar(&opts.noTrunc, "no-trunc", false, "Don't truncate output")
	fl.BoolVar(&opts.digests, "digests", false, "Show digests")
	fl.StringVar(&opts.format, "format", "", format.ListUsage)
	fl.VarP(&opts.filters, "filter", "f", "Filter output based on conditions provided")
	fl.BoolVar(&opts.tree, "tree", false, "List multi-platform images as a tree (EXPERIMENTAL)")
	cli.MinAPI(fl, "1.47", "tree")
	_ = fl.SetAnnotation("tree", "experimentalCLI", nil)
	return cmd
}

// imageSubcommands are the words that, given as `docker images WORD` (not
// `docker image ls WORD`) and matching nothing, earn a hint towards
// `docker image WORD`.
var imageSubcommands = []string{"build", "history", "import", "inspect", "list", "load", "ls",
	"prune", "pull", "push", "rm", "save", "tag"}

func runList(ctx context.Context, c *cli.CLI, opts *listOptions) error {
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	if err := opts.checkTree(); err != nil {
		return err
	}
	filters := opts.filters.Value()
	if opts.match != "" {
		filters.Add("reference", opts.match)
	}
	images, err := client.ImageList(ctx, engine.ImageListOptions{All: opts.all, Filters: filters, Manifests: opts.tree})
	if err != nil {
		return err
	}
	if opts.tree {
		_, width := c.Out.Size()
		return formatter.WriteTree(c.Out, images, formatter.TreeOptions{All: opts.all, Terminal: c.Out.IsTerminal(), Width: int(width)})
	}

	spec := opts.format
	if spec == "" && !opts.quiet {
		spec = c.Config().ImagesFormat
	}
	spec = formatter.Spec(spec, opts.quiet, opts.digests)
	f, err := format.Parse(spec, "")
	if err != nil {
		return fmt.Errorf("template parsing error: %w", err)
	}
	w := format.NewWriter(c.Out, f, formatter.Header)
	rowOpts := formatter.Options{Trunc: !opts.noTrunc, Digests: opts.digests,
		TagDigests: formatter.NamesDigest(spec)}
	for _, row := range formatter.Rows(images, rowOpts) {
		if err := w.Write(row); err != nil {
			break // reported by Flush
		}
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("template parsing error: %w", err)
	}
	if opts.hint && len(images) == 0 && slices.Contains(imageSubcommands, opts.match) {
		c.Out.Flush() // the header comes before the hint, as when stdout is unbuffered
		fmt.Fprintf(c.Err, "\nNo images found matching %q: did you mean \"docker image %s\"?\n", opts.match, opts.match)
		c.Err.Flush() // stderr is buffered when redirected and this is no error
	}
	return nil
}

// checkTree refuses what the tree view cannot show, in the reference's order.
func (opts *listOptions) checkTree() error {
	switch {
	case !opts.tree:
		return nil
	case opts.quiet:
		return errors.New("--quiet is not yet supported with --tree")
	case opts.noTrunc:
		return errors.New("--no-trunc is not yet supported with --tree")
	case opts.digests:
		return errors.New("--show-digest is not yet supported with --tree")
	case opts.format != "":
		return errors.New("--format is not yet supported with --tree")
	}
	return nil
}
