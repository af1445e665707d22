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

type installOptions struct {
	pullFlags
	remote   string
	settings []string
	alias    string
	disable  bool
}

func newInstallCommand(c *cli.CLI) *cobra.Command {
	var o installOptions
	cmd := cli.Command("install [OPTIONS] PLUGIN [KEY=VALUE...]", "Install a plugin", cli.RequiresMinArgs(1),
		func(cmd *cobra.Command, args []string) error {
			o.remote, o.settings = args[0], args[1:]
			return runInstall(cmd.Context(), c, &o)
		})
	flags := cmd.Flags()
	flags.BoolVar(&o.disable, "disable", false, "Do not enable the plugin on install")
	flags.StringVar(&o.alias, "alias", "", "Local name for plugin")
	flags.BoolVar(&o.grantAll, "grant-all-permissions", false, "Grant all permissions necessary to run the plugin")
	flags.BoolVar(&o.untrust, "disable-content-trust", !trust.Enabled(), "Skip image verification")
	return cmd
}

var errNoPluginName = errors.New("invalid plugin name or ID: value is empty")

func runInstall(ctx context.Context, c *cli.CLI, o *installOptions) error {
	name := ""
	if o.alias != "" {
		var err error
		if name, err = localName(o.alias); err != nil {
			return err
		}
	}
	ref, err := reference.ParseNormalizedNamed(o.remote)
	if err != nil {
		return err
	}
	r, err := resolveRemote(ctx, c, ref, o.untrust)
	if err != nil {
		return err
	}
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	privileges, err := o.grant(ctx, c, client, r, o.remote)
	if err != nil {
		return err
	}
	body, installed, err := client.PluginPull(ctx, ref.String(), name, privileges, r.auth)
	if err != nil {
		return err
	}
	defer body.Close()
	if err := c.ShowProgress(body, false); err != nil {
		return err
	}
	// Settings and enabling address the plugin by the name the engine gave it.
	if installed == "" && (len(o.settings) > 0 || !o.disable) {
		return errNoPluginName
	}
	if len(o.settings) > 0 {
		if err := client.PluginSet(ctx, installed, o.settings); err != nil {
			return err
		}
	}
	if !o.disable {
		if err := client.PluginEnable(ctx, installed, 0); err != nil {
			return err
		}
	}
	fmt.Fprintf(c.Out, "Installed plugin %s\n", o.remote)
	return nil
}
