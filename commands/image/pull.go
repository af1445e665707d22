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
	"github.com/dockerclone/docker/cli/trust"
)

func newPullCommand(c *cli.CLI) *cobra.Command {
	var opts transferOptions
	cmd := cli.Command("pull [OPTIONS] NAME[:TAG|@DIGEST]", "Download an image from a registry", cli.ExactArgs(1),
		func(cmd *cobra.Command, args []string) error {
			opts.name = args[0]
			return runPull(cmd.Context(), c, &opts)
		},
		"docker image pull", "docker pull")
	cmd.DisableFlagsInUseLine = true
	fl := cmd.Flags()
	fl.BoolVarP(&opts.all, "all-tags", "a", false, "Download all tagged images in the repository")
	fl.BoolVarP(&opts.quiet, "quiet", "q", false, "Suppress verbose output")
	fl.StringVar(&opts.platform, "platform", os.Getenv("DOCKER_DEFAULT_PLATFORM"), "Set platform if server is multi-platform capable")
	cli.MinAPI(fl, "1.32", "platform")
	fl.BoolVar(&opts.untrust, "disable-content-trust", !trust.Enabled(), "Skip image verification")
	return cmd
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
