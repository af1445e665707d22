package service

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/format"
	"github.com/dockerclone/docker/cli/task"
)

func newPSCommand(c *cli.CLI) *cobra.Command {
	return task.NewCommand(c, "ps [OPTIONS] SERVICE [SERVICE...]", "List the tasks of one or more services", cli.RequiresMinArgs(1), runPS)
}

// runPS lists the tasks of the services named (by ID prefix or name) in
// one table; names that match no service are reported after it.
func runPS(ctx context.Context, c *cli.CLI, client *engine.Client, f *format.Format, o task.Options, names []string) error {
	if o.Quiet {
		o.NoTrunc = true // -q prints whole IDs
	}
	byID, byName := engine.Filters{}, engine.Filters{}
	for _, name := range names {
		byID.Add("id", name)
		byName.Add("name", name)
	}
	idMatches, err := client.ServiceList(ctx, engine.ServiceListOptions{Filters: byID})
	if err != nil {
		return err
	}
	nameMatches, err := client.ServiceList(ctx, engine.ServiceListOptions{Filters: byName})
	if err != nil {
		return err
	}
	filters := o.Filters.Value()
	var errs []error
	for _, name := range names {
		found := false
		for _, s := range idMatches {
			if strings.HasPrefix(s.ID, name) {
				filters.Add("service", s.ID)
				found = true
			}
		}
		for _, s := range nameMatches {
			if s.Spec.Name == name {
				filters.Add("service", s.ID)
				found = true
			}
		}
		if !found {
			errs = append(errs, fmt.Errorf("no such service: %s", name))
		}
	}
	if len(filters["service"]) > 0 {
		tasks, err := client.TaskList(ctx, filters)
		if err != nil {
			return err
		}
		if err := task.Print(ctx, c, client, tasks, f, o); err != nil {
			return err
		}
	}
	return errors.Join(errs...)
}
