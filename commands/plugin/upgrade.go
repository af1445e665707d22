package plugin

import (
	"context"
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/reference"
	"github.com/dockerclone/docker/cli/trust"
)

type upgradeOptions struct {
	pullFlags
	plugin, remote  string
	skipRemoteCheck bool
}

func newUpgradeCommand(c *cli.CLI) *cobra.Command {
	var o upgradeOptions
	cmd := cli.Command("upgrade [OPTIONS] PLUGIN [REMOTE]", "Upgrade an existing plugin", cli.RequiresRangeArgs(1, 2),
		func(cmd *cobra.Command, args []string) error {
			o.plugin = args[0]
			if len(args) == 2 {
				o.remote = args[1]
			}
			return runUpgrade(cmd.Context(), c, &o)
		})
	flags := cmd.Flags()
	flags.BoolVar(&o.grantAll, "grant-all-permissions", false, "Grant all permissions necessary to run the plugin")
	flags.BoolVar(&o.untrust, "disable-content-trust", !trust.Enabled(), "Skip image verification")
	flags.BoolVar(&o.skipRemoteCheck, "skip-remote-check", false, "Do not check if specified remote plugin matches existing plugin image")
	return cmd
}

func runUpgrade(ctx context.Context, c *cli.CLI, o *upgradeOptions) error {
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	p, err := client.PluginGet(ctx, o.plugin)
	if err != nil {
		return fmt.Errorf("error reading plugin data: %w", err)
	}
	if p.Enabled {
		return errors.New("the plugin must be disabled before upgrading")
	}
	if o.remote == "" {
		o.remote = p.PluginReference
	}
	ref, err := reference.ParseNormalizedNamed(o.remote)
	if err != nil {
		return fmt.Errorf("error parsing remote upgrade image reference: %w", err)
	}
	current, err := reference.ParseNormalizedNamed(p.PluginReference)
	if err != nil {
		return fmt.Errorf("error parsing current image reference: %w", err)
	}
	from, to := reference.FamiliarString(current), reference.FamiliarString(reference.TagNameOnly(ref))
	fmt.Fprintf(c.Out, "Upgrading plugin %s from %s to %s\n", p.Name, from, to)
	if !o.skipRemoteCheck && from != to {
		// Declining ends the command without an error.
		if ok, err := c.Confirm(ctx, "Plugin images do not match, are you sure?"); !ok || err != nil {
			return err
		}
	}
	r, err := resolveRemote(ctx, c, ref, o.untrust)
	if err != nil {
		return err
	}
	privileges, err := o.grant(ctx, c, client, r, ref.String())
	if err != nil {
		return err
	}
	body, err := client.PluginUpgrade(ctx, p.Name, ref.String(), privileges, r.auth)
	if err != nil {
		return err
	}
	defer body.Close()
	if err := c.ShowProgress(body, false); err != nil {
		return err
	}
	fmt.Fprintf(c.Out, "Upgraded plugin %s to %s\n", p.Name, ref.String())
	return nil
}
