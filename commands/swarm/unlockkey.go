package swarm

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
)

func newUnlockKeyCommand(c *cli.CLI) *cobra.Command {
	var o rotateOptions
	cmd := cli.Command("unlock-key [OPTIONS]", "Manage the unlock key", cli.NoArgs,
		func(cmd *cobra.Command, args []string) error { return runUnlockKey(cmd.Context(), c, o) })
	o.addFlags(cmd, "Rotate unlock key")
	return cmd
}

func runUnlockKey(ctx context.Context, c *cli.CLI, o rotateOptions) error {
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	if o.rotate {
		sw, err := client.SwarmInspect(ctx)
		if err != nil {
			return err
		}
		if !sw.Spec.EncryptionConfig.AutoLockManagers {
			return errors.New("cannot rotate because autolock is not turned on")
		}
		if err := client.SwarmUpdate(ctx, sw.Version.Index, sw.Spec, engine.SwarmRotate{ManagerUnlockKey: true}); err != nil {
			return err
		}
		if !o.quiet {
			fmt.Fprintln(c.Out, "Successfully rotated manager unlock key.")
		}
	}
	key, err := client.SwarmUnlockKey(ctx)
	if err != nil {
		return fmt.Errorf("could not fetch unlock key: %w", err)
	}
	if key == "" {
		return errors.New("no unlock key is set")
	}
	if o.quiet {
		fmt.Fprintln(c.Out, key)
		return nil
	}
	printUnlockKey(c.Out, key)
	return nil
}

func printUnlockKey(out io.Writer, key string) {
	fmt.Fprintf(out, "To unlock a swarm manager after it restarts, run the `docker swarm unlock`\n"+
		"command and provide the following key:\n\n    %s\n\n"+
		"Remember to store this key in a password manager, since without it you\n"+
		"will not be able to restart the manager.\n", key)
}
