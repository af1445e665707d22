package swarm

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/dockerclone/docker/cli"
)

type updateOptions struct{ specOptions }

func newUpdateCommand(c *cli.CLI) *cobra.Command {
	var o updateOptions
	cmd := cli.Command("update [OPTIONS]", "Update the swarm", cli.NoArgs, func(cmd *cobra.Command, args []string) error {
		if cmd.Flags().NFlag() == 0 {
			return cmd.Help() // on stdout, exit 0: the reference's answer to no flags
		}
		return runUpdate(cmd.Context(), c, cmd.Flags(), o)
	})
	o.addSpecFlags(cmd.Flags(), "Change manager autolocking setting (true|false)")
	return cmd
}

func runUpdate(ctx context.Context, c *cli.CLI, f *pflag.FlagSet, o updateOptions) error {
	client, sw, err := inspectSwarm(ctx, c)
	if err != nil {
		return err
	}
	wasLocked := sw.Spec.EncryptionConfig.AutoLockManagers
	o.merge(f, &sw.Spec, sw.TLSInfo.TrustRoot)
	if err := client.SwarmUpdate(ctx, sw.Version.Index, sw.Spec, noRotation); err != nil {
		return err
	}
	fmt.Fprintln(c.Out, "Swarm updated.")
	if wasLocked || !sw.Spec.EncryptionConfig.AutoLockManagers {
		return nil
	}
	key, err := client.SwarmUnlockKey(ctx)
	if err != nil {
		return fmt.Errorf("could not fetch unlock key: %w", err)
	}
	printUnlockKey(c.Out, key)
	return nil
}
