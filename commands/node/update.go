package node

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/opts"
)

type updateOptions struct {
	role, availability string
	labelAdd, labelRm  *opts.List
}

func newUpdateCommand(c *cli.CLI) *cobra.Command {
	o := updateOptions{labelAdd: opts.NewList(nil), labelRm: opts.NewList(nil)}
	cmd := cli.Command("update [OPTIONS] NODE", "Update a node", cli.ExactArgs(1), func(cmd *cobra.Command, args []string) error {
		return runUpdate(cmd.Context(), c, cmd.Flags(), o, args[0])
	})
	f := cmd.Flags()
	f.StringVar(&o.role, "role", "", `Role of the node ("worker", "manager")`)
	f.StringVar(&o.availability, "availability", "", `Availability of the node ("active", "pause", "drain")`)
	f.Var(o.labelAdd, "label-add", `Add or update a node label ("key=value")`)
	f.Var(o.labelRm, "label-rm", "Remove a node label if exists")
	return cmd
}

func runUpdate(ctx context.Context, c *cli.CLI, f *pflag.FlagSet, o updateOptions, name string) error {
	err := updateNode(ctx, c, name, func(n *engine.Node) error {
		spec := &n.Spec
		if f.Changed("role") {
			spec.Role = o.role
		}
		if f.Changed("availability") {
			spec.Availability = o.availability
		}
		if spec.Labels == nil {
			spec.Labels = map[string]string{}
		}
		for _, l := range o.labelAdd.Values() {
			k, v, _ := strings.Cut(l, "=")
			spec.Labels[k] = v
		}
		for _, k := range o.labelRm.Values() {
			if _, ok := spec.Labels[k]; !ok {
				return fmt.Errorf("key %s doesn't exist in node's labels", k)
			}
			delete(spec.Labels, k)
		}
		return nil
	})
	if err != nil {
		return err
	}
	fmt.Fprintln(c.Out, name)
	return nil
}

// updateNode reads a node, lets change edit its spec and writes it back at
// the version read; a change that fails sends nothing.
func updateNode(ctx context.Context, c *cli.CLI, name string, change func(*engine.Node) error) error {
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	n, _, err := client.NodeInspect(ctx, name)
	if err != nil {
		return err
	}
	if err := change(&n); err != nil {
		return err
	}
	return client.NodeUpdate(ctx, n.ID, n.Version.Index, n.Spec)
}
