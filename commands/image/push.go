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
	return newTransferCommand(c, "push [OPTIONS] NAME[:TAG]", "Upload an image to a registry", runPush, transferUsage{
		all: "Push all tags of an image to the repository",
		platform: "Push a platform-specific manifest as a single-platform image to the registry.\n" +
			"Image index won't be pushed, meaning that other manifests, including attestations won't be preserved.\n" +
			"'os[/arch[/variant]]': Explicit platform (eg. linux/amd64)",
		platformAPI: "1.46",
		untrust:     "Skip image signing",
	}, "docker image push", "docker push")
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
