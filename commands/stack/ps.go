package stack

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/format"
	"github.com/dockerclone/docker/cli/task"
)

func newPSCommand(c *cli.CLI) *cobra.Command {
	cmd := task.NewCommand(c, "ps [OPTIONS] STACK", "List the tasks in the stack", cli.ExactArgs(1), runPS)
	cmd.Flags().Lookup("format").Usage = format.ListUsage
	return cli.MinAPICommand(cmd, "1.25")
}

// runPS lists the tasks of the stack's services in the task table.
func runPS(ctx context.Context, c *cli.CLI, client *engine.Client, f *format.Format, o task.Options, args []string) error {
	ns := namespace(args[0])
	if o.Quiet {
		o.NoTrunc = true
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
