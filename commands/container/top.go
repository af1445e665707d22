package container

import (
	"context"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
)

func newTopCommand(c *cli.CLI) *cobra.Command {
	cmd := newCommand("top CONTAINER [ps OPTIONS]", "Display the running processes of a container", cli.RequiresMinArgs(1),
		func(cmd *cobra.Command, args []string) error { return runTop(cmd.Context(), c, args[0], args[1:]) })
	// Everything after the container is ps's (docker top c -o pid).
	cmd.Flags().SetInterspersed(false)
	return cmd
}

func runTop(ctx context.Context, c *cli.CLI, name string, psArgs []string) error {
	client, id, err := clientFor(ctx, c, name)
	if err != nil {
		return err
	}
	top, err := client.ContainerTop(ctx, id, strings.Join(psArgs, " "))
	if err != nil {
		return err
	}
	w := tabwriter.NewWriter(c.Out, 20, 1, 3, ' ', 0)
	fmt.Fprintln(w, strings.Join(top.Titles, "\t"))
	for _, p := range top.Processes {
		fmt.Fprintln(w, strings.Join(p, "\t"))
	}
	return w.Flush()
}
