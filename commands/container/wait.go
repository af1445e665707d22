package container

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
)

func newWaitCommand(c *cli.CLI) *cobra.Command {
	return newCommand("wait CONTAINER [CONTAINER...]", "Block until one or more containers stop, then print their exit codes",
		cli.RequiresMinArgs(1), func(cmd *cobra.Command, args []string) error { return runWait(cmd.Context(), c, args) })
}

// runWait waits for each container in turn (the daemon's default condition,
// not-running) and prints its exit code; failures are reported together.
func runWait(ctx context.Context, c *cli.CLI, names []string) error {
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	var failed []string
	for _, name := range names {
		code, err := waitPrintOne(ctx, client, name)
		if err != nil {
			failed = append(failed, err.Error())
			continue
		}
		fmt.Fprintln(c.Out, code)
		if c.Out.IsTerminal() {
			_ = c.Out.Flush()
		}
	}
	if len(failed) > 0 {
		return errors.New(strings.Join(failed, "\n"))
	}
	return nil
}

func waitPrintOne(ctx context.Context, client *engine.Client, name string) (int, error) {
	id, err := containerID(name)
	if err != nil {
		return 0, err
	}
	result, err := client.ContainerWait(ctx, id, "")
	if err != nil {
		return 0, err
	}
	r, err := result()
	if err != nil {
		return 0, err
	}
	if r.Error != nil && r.Error.Message != "" {
		return 0, errors.New(r.Error.Message)
	}
	return r.StatusCode, nil
}
