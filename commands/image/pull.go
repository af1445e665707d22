package image

import (
	"context"
	"fmt"
	"net/http"
	"os"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/reference"
)

func newPullCommand(c *cli.CLI) *cobra.Command {
	return newTransferCommand(c, "pull [OPTIONS] NAME[:TAG|@DIGEST]", "Download an image from a registry", runPull, transferUsage{
		all:             "Download all tagged images in the repository",
		platform:        "Set platform if server is multi-platform capable",
		platformDefault: os.Getenv("DOCKER_DEFAULT_PLATFORM"),
		platformAPI:     "1.32",
		untrust:         "Skip image verification",
	}, "docker image pull", "docker pull")
}

func runPull(ctx context.Context, c *cli.CLI, opts *transferOptions) error {
	ref, err := opts.reference(c, nil)
	if err != nil {
		return err
	}
	if !opts.untrust && !isDigested(ref) {
		return pullTrusted(ctx, c, ref, opts)
	}
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	auth, err := registryAuth(c, ref)
	if err != nil {
		return err
	}
	body, err := client.ImagePull(ctx, ref.Name(), apiTag(ref), opts.platform, auth)
	if engine.IsStatus(err, http.StatusUnauthorized) {
		// The reference prompts for a login and retries once; without a
		// terminal that prompt fails.
		fmt.Fprint(c.Out, "\nLogin prior to pull:\n")
		if !c.In.IsTerminal() {
			return fmt.Errorf("Error: Cannot perform an interactive login from a non TTY device")
		}
	}
	if err != nil {
		return err
	}
	defer body.Close()
	if err := c.ShowProgress(body, opts.quiet); err != nil {
		return err
	}
	fmt.Fprintln(c.Out, ref.String())
	return nil
}

// apiTag is what the API's tag parameter carries: the digest if any, else
// the tag, else nothing (all tags).
func apiTag(ref reference.Named) string {
	if d, ok := ref.(reference.Digested); ok {
		return d.Digest().String()
	}
	if t, ok := ref.(reference.Tagged); ok {
		return t.Tag()
	}
	return ""
}
