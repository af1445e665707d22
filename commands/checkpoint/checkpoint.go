// Package checkpoint holds `docker checkpoint`: CRIU checkpoints of running
// containers, a feature of experimental daemons.
package checkpoint

import (
	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
)

// Group is `docker checkpoint`.
func Group(c *cli.CLI) *cobra.Command {
	cmd := cli.NewGroup("checkpoint", "Manage checkpoints", newCreateCommand(c), newListCommand(c), newRemoveCommand(c))
	// Checkpoints are an experimental daemon feature: the whole group is
	// refused (and hidden from help) otherwise.
	return cli.ExperimentalCommand(cli.MinAPICommand(cmd, "1.25"))
}

// Entries is the root command `docker checkpoint`.
func Entries() []cli.Entry { return []cli.Entry{{Name: "checkpoint", Build: Group}} }

// addDirFlag declares --checkpoint-dir, which every checkpoint command has.
func addDirFlag(cmd *cobra.Command, dir *string) {
	cmd.Flags().StringVar(dir, "checkpoint-dir", "", "Use a custom checkpoint storage directory")
}
