package node

import (
	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
)

func newDemoteCommand(c *cli.CLI) *cobra.Command {
	return roleCommand(c, "demote NODE [NODE...]", "Demote one or more nodes from manager in the swarm",
		"worker", "Manager %s demoted in the swarm.")
}
