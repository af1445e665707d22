package node

import (
	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
)

func newDemoteCommand(c *cli.CLI) *cobra.Command {
	return &cobra.Command{
		Use:   "demote NODE [NODE...]",
		Short: "Demote one or more nodes from manager in the swarm",
		Args:  cli.RequiresMinArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return changeRole(cmd.Context(), c, args, "worker", "Manager %s demoted in the swarm.")
		},
	}
}
