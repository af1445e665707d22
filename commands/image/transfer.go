package image

import (
	"context"
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/reference"
	"github.com/dockerclone/docker/cli/trust"
)

// transferOptions are what pull and push share: the reference, -a, -q,
// --platform and --disable-content-trust.
type transferOptions struct {
	name     string
	all      bool
	quiet    bool
	platform string
	untrust  bool // --disable-content-trust
}

// transferUsage is how pull and push describe the flags they share, and
// --platform's default and minimum API version.
type transferUsage struct {
	all, platform, untrust       string
	platformDefault, platformAPI string
}

// newTransferCommand is pull or push (use, short, aliases) with its NAME
// argument and flags.
func newTransferCommand(c *cli.CLI, use, short string, run func(context.Context, *cli.CLI, *transferOptions) error,
	usage transferUsage, aliases ...string) *cobra.Command {
	var opts transferOptions
	cmd := cli.Command(use, short, cli.ExactArgs(1), func(cmd *cobra.Command, args []string) error {
		opts.name = args[0]
		return run(cmd.Context(), c, &opts)
	}, aliases...)
	cmd.DisableFlagsInUseLine = true
	fl := cmd.Flags()
	fl.BoolVarP(&opts.all, "all-tags", "a", false, usage.all)
	fl.BoolVarP(&opts.quiet, "quiet", "q", false, "Suppress verbose output")
	fl.StringVar(&opts.platform, "platform", usage.platformDefault, usage.platform)
	cli.MinAPI(fl, usage.platformAPI, "platform")
	fl.BoolVar(&opts.untrust, "disable-content-trust", !trust.Enabled(), usage.untrust)
	return cmd
}

var errTagWithAll = errors.New("tag can't be used with --all-tags/-a")

// reference parses the name for the transfer: with -a it must be a bare
// name (checked first: a digest is refused as a tag would be), else a bare
// name means "latest", which is said unless -q. refuseDigest, when set, is
// the error for a digest reference.
func (o *transferOptions) reference(c *cli.CLI, refuseDigest error) (reference.Named, error) {
	ref, err := reference.ParseNormalizedNamed(o.name)
	if err != nil {
		return nil, err
	}
	switch {
	case o.all && !reference.IsNameOnly(ref):
		return nil, errTagWithAll
	case refuseDigest != nil && isDigested(ref):
		return nil, refuseDigest
	case !o.all && reference.IsNameOnly(ref):
		ref = reference.TagNameOnly(ref)
		if !o.quiet {
			fmt.Fprintln(c.Out, "Using default tag: latest")
		}
	}
	return ref, nil
}
