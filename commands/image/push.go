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

func newPushCommand(c *cli.CLI) *cobra.Command {
	var opts transferOptions
	cmd := cli.Command("push [OPTIONS] NAME[:TAG]", "Upload an image to a registry", cli.ExactArgs(1),
		func(cmd *cobra.Command, args []string) error {
			opts.name = args[0]
			return runPush(cmd.Context(), c, &opts)
		},
		"docker image push", "docker push")
	cmd.DisableFlagsInUseLine = true
	fl := cmd.Flags()
	fl.BoolVarP(&opts.all, "all-tags", "a", false, "Push all tags of an image to the repository")
	fl.BoolVarP(&opts.quiet, "quiet", "q", false, "Suppress verbose output")
	fl.StringVar(&opts.platform, "platform", "",
		"Push a platform-specific manifest as a single-platform image to the registry.\n"+
			"Image index won't be pushed, meaning that other manifests, including attestations won't be preserved.\n"+
			"'os[/arch[/variant]]': Explicit platform (eg. linux/amd64)")
	cli.MinAPI(fl, "1.46", "platform")
	fl.BoolVar(&opts.untrust, "disable-content-trust", !trust.Enabled(), "Skip image signing")
	return cmd
}

var errPushDigest = errors.New("cannot push a digest reference")

// pushPlatformNote is printed on stdout before a push --platform, even with -q.
var pushPlatformNote = cli.Note{Bold: []string{"--platform"}, Lines: []string{
	"Using --platform pushes only the specified platform manifest of a multi-platform image index.",
	"Other components, like attestations, will not be included.",
	"To push the complete multi-platform image, remove the --platform flag.",
	"",
}}

func runPush(ctx context.Context, c *cli.CLI, opts *transferOptions) error {
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	if opts.platform != "" {
		// A note first, even with -q.
		fmt.Fprint(c.Out, "\n"+pushPlatformNote.Render(c.Out.IsTerminal()))
	}
	ref, err := opts.reference(c, errPushDigest)
	if err != nil {
		return err
	}
	auth, err := registryAuth(c, ref)
	if err != nil {
		return err
	}
	body, err := client.ImagePush(ctx, ref.Name(), apiTag(ref), opts.platform, auth)
	if err != nil {
		return err
	}
	defer body.Close()
	if err := c.ShowProgress(body, opts.quiet); err != nil {
		return err
	}
	if opts.quiet {
		fmt.Fprintln(c.Out, ref.String())
	}
	if !opts.untrust {
		// Pushed, then signed: the reference says so before reaching notary.
		fmt.Fprintln(c.Out, "Signing and pushing trust metadata")
		return trust.Check(ctx, c.ConfigDir(), reference.Domain(ref), ref.Name())
	}
	return nil
}

func isDigested(ref reference.Named) bool {
	_, ok := ref.(reference.Digested)
	return ok
}
