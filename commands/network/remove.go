package network

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
)

const ingressWarning = "WARNING! Before removing the routing-mesh network, make sure all the nodes in your swarm run the same docker engine version. Otherwise, removal may not be effective and functionality of newly create ingress networks will be impaired.\nAre you sure you want to continue?"

type removeOptions struct{ force bool }

func newRemoveCommand(c *cli.CLI) *cobra.Command {
	var o removeOptions
	cmd := cli.Command("rm NETWORK [NETWORK...]", "Remove one or more networks", cli.RequiresMinArgs(1),
		func(cmd *cobra.Command, args []string) error { return runRemove(cmd.Context(), c, o, args) })
	cmd.Aliases = []string{"remove"}
	cmd.Flags().BoolVarP(&o.force, "force", "f", false, "Do not error if the network does not exist")
	return cmd
}

// runRemove removes the networks one by one, printing each name removed and
// each error as it happens; any failure ends in "exit status 1".
func runRemove(ctx context.Context, c *cli.CLI, o removeOptions, names []string) error {
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	failed := false
	for _, name := range names {
		err := removeOne(ctx, c, client, name)
		switch {
		case err == nil:
			fmt.Fprintln(c.Out, name)
		case o.force && engine.IsNotFound(err):
		case err == errDeclined:
		default:
			fmt.Fprintln(c.Err, err)
			failed = true
		}
	}
	if failed {
		return &cli.StatusError{Code: 1, Msg: "exit status 1"}
	}
	return nil
}

var errDeclined = fmt.Errorf("declined")

// removeOne asks before removing the swarm's ingress network, as the
// reference does; other networks go at once.
func removeOne(ctx context.Context, c *cli.CLI, client *engine.Client, name string) error {
	if raw, err := client.NetworkInspect(ctx, name, false); err == nil {
		var n struct{ Ingress bool }
		if json.Unmarshal(raw, &n) == nil && n.Ingress {
			ok, err := c.Confirm(ctx, ingressWarning)
			if err != nil {
				return err
			}
			if !ok {
				return errDeclined
			}
		}
	}
	return client.NetworkRemove(ctx, name)
}
