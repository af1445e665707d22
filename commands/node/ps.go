package node

import (
	"context"
	"errors"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/format"
	"github.com/dockerclone/docker/cli/task"
)

func newPSCommand(c *cli.CLI) *cobra.Command {
	return task.NewCommand(c, "ps [OPTIONS] [NODE...]", "List tasks running on one or more nodes, defaults to current node",
		cli.RequiresMinArgs(0), runPS)
}

// runPS lists the tasks of every node named, in one table; the nodes that
// cannot be found are reported after it. Like the reference, each node is
// added to the filter of the previous ones, so the tasks of the first nodes
// are listed again with each later node.
func runPS(ctx context.Context, c *cli.CLI, client *engine.Client, f *format.Format, o task.Options, names []string) error {
	if len(names) == 0 {
		names = []string{"self"}
	}
	var tasks []engine.Task
	var errs []error
	filters := o.Filters.Value()
	for _, name := range names {
		id, err := resolveSelf(ctx, client, name)
		if err == nil {
			var n engine.Node
			n, _, err = client.NodeInspect(ctx, id)
			id = n.ID
		}
		if err != nil {
			errs = append(errs, err)
			continue
		}
		filters.Add("node", id)
		list, err := client.TaskList(ctx, filters)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		tasks = append(tasks, list...)
	}
	if len(tasks) > 0 || len(errs) == 0 {
		if err := task.Print(ctx, c, client, tasks, f, o); err != nil {
			return err
		}
	}
	return errors.Join(errs...)
}
