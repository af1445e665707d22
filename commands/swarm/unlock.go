package swarm

import (
	"context"
	"errors"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
)

func newUnlockCommand(c *cli.CLI) *cobra.Command {
	return cli.Command("unlock", "Unlock swarm", cli.NoArgs,
		func(cmd *cobra.Command, args []string) error { return runUnlock(cmd.Context(), c) })
}

// runUnlock asks for the key (on a terminal, without echo) once the node
// says it is locked.
func runUnlock(ctx context.Context, c *cli.CLI) error {
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	state, err := client.SwarmState(ctx)
	if err != nil {
		return err
	}
	switch state.LocalNodeState {
	case "inactive":
		return errors.New("Error: This node is not part of a swarm")
	case "locked":
	default:
		return errors.New("Error: swarm is not locked")
	}
	var key string
	if c.In.IsTerminal() {
		key, err = cli.PromptHidden(ctx, c.Streams, "Enter unlock key: ")
	} else {
		key, err = cli.ReadLine(ctx, c.In)
	}
	if err != nil {
		return err
	}
	return client.SwarmUnlock(ctx, key)
}
