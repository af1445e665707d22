// Package checkpoint holds `docker checkpoint`: CRIU checkpoints of running
// containers, a feature of experimental daemons.
package checkpoint

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
)

// Group is `docker checkpoint`.
func Group(c *cli.CLI) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "checkpoint",
		Short: "Manage checkpoints",
		Args:  cli.NoArgs,
		RunE:  func(cmd *cobra.Command, args []string) error { return cmd.Help() },
	}
	ls := newListCommand(c)
	rm := newRemoveCommand(c)
	cmd.AddCommand(newCreateCommand(c), ls, rm)
	return cmd
}

// Entries is the root command `docker checkpoint`.
func Entries() []cli.Entry { return []cli.Entry{{Name: "checkpoint", Build: Group}} }

// experimental validates args only once the daemon is known to run
// experimental features: the reference's refusal comes first.
func experimental(c *cli.CLI, args cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, a []string) error {
		if _, err := experimentalClient(cmd.Context(), c, cmd); err != nil {
			return err
		}
		return args(cmd, a)
	}
}

// experimentalClient is the engine client, once the daemon is known to run
// experimental features; otherwise the reference's refusal naming cmd.
func experimentalClient(ctx context.Context, c *cli.CLI, cmd *cobra.Command) (*engine.Client, error) {
	client, err := c.Client(ctx)
	if err != nil {
		return nil, err
	}
	return client, client.RequireExperimental(ctx, cmd.CommandPath())
}
