// Package checkpoint holds `docker checkpoint`: CRIU checkpoints of running
// containers, a feature of experimental daemons.
package checkpoint

import (
	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
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
	// Checkpoints are an experimental daemon feature: the whole group is
	// refused (and hidden from help) otherwise.
	return cli.ExperimentalCommand(cli.MinAPICommand(cmd, "1.25"))
}

// Entries is the root command `docker checkpoint`.
func Entries() []cli.Entry { return []cli.Entry{{Name: "checkpoint", Build: Group}} }
