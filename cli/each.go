package cli

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli/engine"
)

// maxParallel bounds the requests in flight for commands that act on many
// objects at once, like the reference.
const maxParallel = 50

// ObjectOp acts on one object named by an argument.
type ObjectOp func(ctx context.Context, client *engine.Client, name string) error

// EachParallel runs op for every name, at most maxParallel at once, and
// returns one channel per name delivering that name's result, so callers can
// report in argument order while later names still run.
func EachParallel(ctx context.Context, client *engine.Client, names []string, op ObjectOp) []chan error {
	results := make([]chan error, len(names))
	for i := range results {
		results[i] = make(chan error, 1)
	}
	go func() {
		sem := make(chan struct{}, maxParallel)
		for i, name := range names {
			sem <- struct{}{}
			go func() {
				defer func() { <-sem }()
				results[i] <- op(ctx, client, name)
			}()
		}
	}()
	return results
}

// RunEach applies op to every name concurrently, prints each name that
// succeeded (as typed, in argument order) and returns the failures joined,
// one per line, which exit 1. skip, when set, may take over an error (print
// it itself) so that it does not fail the command.
func (c *CLI) RunEach(ctx context.Context, names []string, op ObjectOp, skip func(error) bool) error {
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	return c.report(names, EachParallel(ctx, client, names, op), skip)
}

// EachArg is a command's run that applies op to every argument with RunEach.
func (c *CLI) EachArg(op ObjectOp) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, args []string) error { return c.RunEach(cmd.Context(), args, op, nil) }
}

// RunInOrder is RunEach for the commands the reference runs one name after
// the other (secret, config, node and service rm).
func (c *CLI) RunInOrder(ctx context.Context, names []string, op ObjectOp) error {
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	results := make([]chan error, len(names))
	for i, name := range names {
		results[i] = make(chan error, 1)
		results[i] <- op(ctx, client, name)
	}
	return c.report(names, results, nil)
}

// report prints the names that succeeded and returns the failures joined.
func (c *CLI) report(names []string, results []chan error, skip func(error) bool) error {
	var failed []string
	for i, res := range results {
		err := <-res
		switch {
		case err == nil:
			fmt.Fprintln(c.Out, names[i])
		case skip != nil && skip(err):
		default:
			failed = append(failed, err.Error())
		}
	}
	if len(failed) > 0 {
		return errors.New(strings.Join(failed, "\n"))
	}
	return nil
}
