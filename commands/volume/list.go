package volume

import (
	"context"
	"slices"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/format"
	formatter "github.com/dockerclone/docker/cli/formatter/volume"
)

type listOptions struct {
	cli.ListOptions
	cluster bool
}

func newListCommand(c *cli.CLI) *cobra.Command {
	var o listOptions
	cmd := cli.Command("ls [OPTIONS]", "List volumes", cli.NoArgs, func(cmd *cobra.Command, _ []string) error {
		return runList(cmd.Context(), c, &o)
	})
	cmd.Aliases = []string{"list"}
	f := cmd.Flags()
	o.AddFlags(f)
	f.Lookup("quiet").Usage = "Only display volume names"
	f.Lookup("filter").Usage = `Provide filter values (e.g. "dangling=true")`
	f.BoolVar(&o.cluster, "cluster", false, "Display only cluster volumes, and use cluster volume list formatting")
	cli.MinAPI(f, "1.42", "cluster")
	return cmd
}

// runList uses --format, else the config's volumesFormat, else the table
// (the cluster one with --cluster); -q only replaces the table.
func runList(ctx context.Context, c *cli.CLI, o *listOptions) error {
	table := formatter.DefaultFormat
	if o.cluster {
		table = formatter.ClusterFormat
	}
	f, err := o.ParseFormat(c.Config().VolumesFormat, table, formatter.QuietFormat)
	if err != nil {
		return err
	}
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	vols, _, err := client.VolumeList(ctx, o.Filters.Value())
	if err != nil {
		return err
	}
	if o.cluster {
		vols = vols[:0] // cluster volumes come from a swarm manager; this client lists none
	}
	slices.SortStableFunc(vols, func(a, b engine.Volume) int { return format.NaturalCompare(a.Name, b.Name) })
	return format.WriteRows(format.NewWriter(c.Out, f, formatter.Header), vols, formatter.Row)
}
