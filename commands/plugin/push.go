package plugin

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/reference"
	"github.com/dockerclone/docker/cli/trust"
	"github.com/dockerclone/docker/credentials"
)

func newPushCommand(c *cli.CLI) *cobra.Command {
	var untrust bool
	cmd := cli.Command("push [OPTIONS] PLUGIN[:TAG]", "Push a plugin to a registry", cli.ExactArgs(1),
		func(cmd *cobra.Command, args []string) error { return runPush(cmd.Context(), c, args[0], untrust) })
	cmd.Flags().BoolVar(&untrust, "disable-content-trust", !trust.Enabled(), "Skip image signing")
	return cmd
}

func runPush(ctx context.Context, c *cli.CLI, arg string, untrust bool) error {
	name, err := localName(arg)
	if err != nil {
		return err
	}
	ref, _ := reference.ParseNormalizedNamed(name)
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	body, err := client.PluginPush(ctx, name, credentials.EncodedFor(c.Config(), reference.Domain(ref)))
	if err != nil {
		return err
	}
	defer body.Close()
	if err := c.ShowProgress(body, false); err != nil {
		return err
	}
	if untrust {
		return nil
	}
	// Pushed, then signed: the reference says so before reaching notary.
	fmt.Fprintln(c.Out, "Signing and pushing trust metadata")
	return trust.Check(ctx, c.ConfigDir(), reference.Domain(ref), ref.Name())
}
