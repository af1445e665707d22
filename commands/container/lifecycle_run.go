package container

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
)

// lifecycleMaxParallel bounds the requests in flight for multi-container
// commands, like the reference.
const lifecycleMaxParallel = 50

// lifecycleOp acts on one container named by an argument.
type lifecycleOp func(ctx context.Context, client *engine.Client, name string) error

// lifecycleByID wraps op so that it gets the argument checked and trimmed of
// spaces, as the reference's client does before any request.
func lifecycleByID(op lifecycleOp) lifecycleOp {
	return func(ctx context.Context, client *engine.Client, name string) error {
		id, err := lifecycleID(name)
		if err != nil {
			return err
		}
		return op(ctx, client, id)
	}
}

// lifecycleEachParallel runs op for every name, at most lifecycleMaxParallel
// at once, and returns one channel per name delivering that name's result,
// so callers can report in argument order while later names still run.
func lifecycleEachParallel(ctx context.Context, client *engine.Client, names []string, op lifecycleOp) []chan error {
	results := make([]chan error, len(names))
	for i := range results {
		results[i] = make(chan error, 1)
	}
	go func() {
		sem := make(chan struct{}, lifecycleMaxParallel)
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

// lifecycleID validates a container argument the way the reference's client
// does before any request: surrounding spaces go, nothing left is an error.
func lifecycleID(name string) (string, error) {
	id := strings.TrimSpace(name)
	if id == "" {
		return "", errors.New("invalid container name or ID: value is empty")
	}
	return id, nil
}

// lifecycleRunEach applies op to every container concurrently, prints each
// name that succeeded (as typed, in argument order) and returns the failures
// joined, one per line, which exit 1. skip, when set, may take over an error
// (print it itself) so that it does not fail the command.
func lifecycleRunEach(ctx context.Context, c *cli.CLI, names []string, op lifecycleOp, skip func(error) bool) error {
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	var failed []string
	for i, res := range lifecycleEachParallel(ctx, client, names, op) {
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
