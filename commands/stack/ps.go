package stack

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/format"
	"github.com/dockerclone/docker/cli/task"
)

func newPSCommand(c *cli.CLI) *cobra.Command {
	var o task.Options
	cmd := &cobra.Command{
		Use:   "ps [OPTIONS] STACK",
		Short: "List the tasks in the stack",
		Args:  cli.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runPS(cmd.Context(), c, o, namespace(args[0]))
		},
	}
	o.AddFlags(cmd.Flags())
	cmd.Flags().Lookup("format").Usage = format.ListUsage
	return cli.MinAPICommand(cmd, "1.25")
}

// runPS lists the tasks of the stack's services in the task table.
func runPS(ctx context.Context, c *cli.CLI, o task.Options, ns namespace) error {
	if o.Quiet {
		o.NoTrunc = true
	}
	f, err := task.ParseFormat(c, o)
	if err != nil {
		return err
	}
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	filters := o.Filters.Value()
	filters.Add("label", namespaceLabel+"="+string(ns))
	tasks, err := client.TaskList(ctx, filters)
	if err != nil {
		return err
	}
	if len(tasks) == 0 {
		return fmt.Errorf("nothing found in stack: %s", ns)
	}
	return task.Print(ctx, c, client, tasks, f, o)
}
