package stack

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/service"
)

func newRemoveCommand(c *cli.CLI) *cobra.Command {
	detach := true
	cmd := cli.Command("rm [OPTIONS] STACK [STACK...]", "Remove one or more stacks", cli.RequiresMinArgs(1),
		func(cmd *cobra.Command, args []string) error { return runRemove(cmd.Context(), c, args, detach) })
	cmd.Aliases = []string{"remove", "down"}
	cmd.Flags().BoolVarP(&detach, "detach", "d", true, "Do not wait for stack removal")
	return cli.MinAPICommand(cmd, "1.25")
}

// stackObject is one object of a stack to remove.
type stackObject struct {
	kind, id, name string
	remove         func(*engine.Client, context.Context, string) error
}

// runRemove removes each stack in turn: its services, secrets, configs,
// then networks. A stack without objects is said so, without failing.
func runRemove(ctx context.Context, c *cli.CLI, stacks []string, detach bool) error {
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	var errs []error
	for _, name := range stacks {
		ns := namespace(name)
		objects, err := stackObjects(ctx, client, ns)
		if err != nil {
			return err
		}
		if len(objects) == 0 {
			fmt.Fprintf(c.Err, "Nothing found in stack: %s\n", ns)
			continue
		}
		failed := false
		for _, o := range objects {
			fmt.Fprintf(c.Out, "Removing %s %s\n", o.kind, o.name)
			if err := o.remove(client, ctx, o.id); err != nil {
				fmt.Fprintf(c.Err, "Failed to remove %s %s: %s", o.kind, o.id, err)
				failed = true
			}
		}
		if failed {
			errs = append(errs, fmt.Errorf("failed to remove some resources from stack: %s", ns))
			continue
		}
		if !detach {
			if err := waitRemoved(ctx, client, ns); err != nil {
				errs = append(errs, err)
			}
		}
	}
	return errors.Join(errs...)
}

// stackObjects lists what a stack has, in the order it is removed.
func stackObjects(ctx context.Context, client *engine.Client, ns namespace) ([]stackObject, error) {
	f := ns.filter()
	services, err := client.ServiceList(ctx, engine.ServiceListOptions{Filters: f})
	if err != nil {
		return nil, err
	}
	networks, err := client.NetworkList(ctx, f)
	if err != nil {
		return nil, err
	}
	secrets, err := engine.Secrets.List(client, ctx, f)
	if err != nil {
		return nil, err
	}
	configs, err := engine.Configs.List(client, ctx, f)
	if err != nil {
		return nil, err
	}
	var out []stackObject
	add := func(kind string, remove func(*engine.Client, context.Context, string) error, objs []stackObject) {
		slices.SortFunc(objs, func(a, b stackObject) int { return strings.Compare(a.name, b.name) })
		for _, o := range objs {
			o.kind, o.remove = kind, remove
			out = append(out, o)
		}
	}
	add("service", (*engine.Client).ServiceRemove, collect(services, func(s engine.Service) stackObject { return stackObject{id: s.ID, name: s.Spec.Name} }))
	add("secret", engine.Secrets.Remove, collect(secrets, func(s engine.Secret) stackObject { return stackObject{id: s.ID, name: s.Spec.Name} }))
	add("config", engine.Configs.Remove, collect(configs, func(s engine.SwarmConfig) stackObject { return stackObject{id: s.ID, name: s.Spec.Name} }))
	add("network", (*engine.Client).NetworkRemove, collect(networks, func(n engine.Network) stackObject { return stackObject{id: n.ID, name: n.Name} }))
	return out, nil
}

func collect[T any](items []T, f func(T) stackObject) []stackObject {
	out := make([]stackObject, len(items))
	for i, it := range items {
		out[i] = f(it)
	}
	return out
}

// waitRemoved waits until every task of the stack has stopped.
func waitRemoved(ctx context.Context, client *engine.Client, ns namespace) error {
	for {
		tasks, err := client.TaskList(ctx, ns.filter())
		if err != nil {
			return err
		}
		if !slices.ContainsFunc(tasks, func(t engine.Task) bool { return !service.Terminal(t.Status.State) }) {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
	}
}
