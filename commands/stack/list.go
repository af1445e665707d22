package stack

import (
	"context"
	"fmt"
	"maps"
	"slices"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/format"
	"github.com/dockerclone/docker/commands/stack/formatter"
)

func newListCommand(c *cli.CLI) *cobra.Command {
	var tmpl string
	cmd := cli.Command("ls [OPTIONS]", "List stacks", cli.NoArgs,
		func(cmd *cobra.Command, args []string) error { return runList(cmd.Context(), c, tmpl) })
	cmd.Aliases = []string{"list"}
	cmd.Flags().StringVar(&tmpl, "format", "", format.ListUsage)
	return cli.MinAPICommand(cmd, "1.25")
}

// runList counts the services of each stack (services labelled with a
// namespace).
func runList(ctx context.Context, c *cli.CLI, tmpl string) error {
	f, err := format.Parse(format.ListSpec(tmpl, "", false, formatter.Table, ""), formatter.Table)
	if err != nil {
		return fmt.Errorf("template parsing error: %w", err)
	}
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	services, err := client.ServiceList(ctx, engine.ServiceListOptions{Filters: engine.Filters{"label": {namespaceLabel: true}}})
	if err != nil {
		return err
	}
	counts := map[string]int{}
	for _, s := range services {
		counts[s.Spec.Labels[namespaceLabel]]++
	}
	var stacks []formatter.Stack
	for _, name := range slices.SortedFunc(maps.Keys(counts), format.NaturalCompare) {
		stacks = append(stacks, formatter.Stack{Name: name, Services: counts[name]})
	}
	return format.WriteRows(format.NewWriter(c.Out, f, formatter.Header), stacks, formatter.Row)
}
