package cli

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli/engine"
)

// SwarmGroup is a group of swarm commands; scope ("manager", "any") is the
// annotation the help uses to file it under Swarm Commands.
func SwarmGroup(use, short, scope string, cmds ...*cobra.Command) *cobra.Command {
	cmd := NewGroup(use, short, cmds...)
	cmd.Annotations = map[string]string{"swarm": scope}
	return cmd
}

// NewRemoveCommand is an "rm" that removes the named objects one after the
// other, printing each name removed (secret, config, service rm).
func NewRemoveCommand(c *CLI, use, short string, remove func(*engine.Client, context.Context, string) error) *cobra.Command {
	cmd := Command(use, short, RequiresMinArgs(1), func(cmd *cobra.Command, args []string) error {
		return c.RunInOrder(cmd.Context(), args, func(ctx context.Context, client *engine.Client, name string) error {
			return remove(client, ctx, name)
		})
	})
	cmd.Aliases = []string{"remove"}
	return cmd
}

// PrintCreated creates an object and prints its ID.
func (c *CLI) PrintCreated(ctx context.Context, create func(context.Context, *engine.Client) (string, error)) error {
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	id, err := create(ctx, client)
	if err != nil {
		return err
	}
	_, err = c.Out.Write([]byte(id + "\n"))
	return err
}

// PrintName runs op on the named object, then prints the name (the commands
// that echo their argument once done: plugin enable, checkpoint create).
func (c *CLI) PrintName(ctx context.Context, name string, op ObjectOp) error {
	return c.PrintCreated(ctx, func(ctx context.Context, client *engine.Client) (string, error) {
		return name, op(ctx, client, name)
	})
}
