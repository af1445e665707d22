package container

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
)

func newDiffCommand(c *cli.CLI) *cobra.Command {
	return newCommand("diff CONTAINER", "Inspect changes to files or directories on a container's filesystem", cli.ExactArgs(1),
		func(cmd *cobra.Command, args []string) error { return runDiff(cmd.Context(), c, args[0]) })
}

// changeKinds are the letters of the daemon's change kinds 0, 1 and 2.
var changeKinds = []string{"C", "A", "D"}

func runDiff(ctx context.Context, c *cli.CLI, name string) error {
	client, id, err := clientFor(ctx, c, name)
	if err != nil {
		return err
	}
	changes, err := client.ContainerChanges(ctx, id)
	if err != nil {
		return err
	}
	for _, ch := range changes {
		kind := "?"
		if ch.Kind >= 0 && ch.Kind < len(changeKinds) {
			kind = changeKinds[ch.Kind]
		}
		fmt.Fprintf(c.Out, "%s %s\n", kind, ch.Path)
	}
	return nil
}
