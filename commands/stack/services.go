package stack

import (
	"context"
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/service"
)

// errNothing ends a listing that found nothing (already said on stderr).
var errNothing = errors.New("nothing found")

func newServicesCommand(c *cli.CLI) *cobra.Command {
	var o cli.ListOptions
	cmd := cli.Command("services [OPTIONS] STACK", "List the services in the stack", cli.ExactArgs(1),
		func(cmd *cobra.Command, args []string) error {
			return runServices(cmd.Context(), c, &o, namespace(args[0]))
		})
	o.AddFlags(cmd.Flags())
	return cli.MinAPICommand(cmd, "1.25")
}

// runServices lists the stack's services as service ls does; a stack
// without any is said so, without failing.
func runServices(ctx context.Context, c *cli.CLI, o *cli.ListOptions, ns namespace) error {
	l := service.Lister
	list := l.List
	l.List = func(ctx context.Context, client *engine.Client, f engine.Filters, quiet bool) ([]engine.Service, error) {
		f.Add("label", namespaceLabel+"="+string(ns))
		services, err := list(ctx, client, f, quiet)
		if err == nil && len(services) == 0 {
			fmt.Fprintf(c.Err, "Nothing found in stack: %s\n", ns)
			return nil, errNothing
		}
		return services, err
	}
	if err := cli.RunList(ctx, c, o, l); !errors.Is(err, errNothing) {
		return err
	}
	return nil
}
