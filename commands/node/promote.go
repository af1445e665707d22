package node

import (
	"context"
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
)

func newPromoteCommand(c *cli.CLI) *cobra.Command {
	return roleCommand(c, "promote NODE [NODE...]", "Promote one or more nodes to manager in the swarm",
		"manager", "Node %s promoted to a manager in the swarm.")
}

// roleCommand gives the nodes named the role; done is the line printed for
// each one changed.
func roleCommand(c *cli.CLI, use, short, role, done string) *cobra.Command {
	return cli.Command(use, short, cli.RequiresMinArgs(1), func(cmd *cobra.Command, args []string) error {
		return changeRole(cmd.Context(), c, args, role, done)
	})
}

// errUnchanged skips the update of a node that already has the role.
var errUnchanged = errors.New("unchanged")

// changeRole gives each node the role in turn, stopping at the first
// failure, as the reference does.
func changeRole(ctx context.Context, c *cli.CLI, names []string, role, done string) error {
	for _, name := range names {
		var id string
		err := updateNode(ctx, c, name, func(n *engine.Node) error {
			if id = n.ID; n.Spec.Role == role {
				return errUnchanged
			}
			n.Spec.Role = role
			return nil
		})
		switch {
		case errors.Is(err, errUnchanged):
			fmt.Fprintf(c.Out, "Node %s is already a %s.\n", id, role)
		case err != nil:
			return err
		default:
			fmt.Fprintf(c.Out, done+"\n", name)
		}
	}
	return nil
}
