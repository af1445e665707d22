package volume

import (
	"context"
	"fmt"
	"sort"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/format"
	formatter "github.com/dockerclone/docker/cli/formatter/volume"
	"github.com/dockerclone/docker/cli/opts"
)

type listOptions struct {
	quiet   bool
	cluster bool
	format  string
	filters *opts.Filter
}

func newListCommand(c *cli.CLI) *cobra.Command {
	o := listOptions{filters: opts.NewFilter()}
	cmd := &cobra.Command{
		Use:     "ls [OPTIONS]",
		Aliases: []string{"list"},
		Short:   "List volumes",
		Args:    cli.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runList(cmd.Context(), c, o)
		},
	}
	f := cmd.Flags()
	f.BoolVarP(&o.quiet, "quiet", "q", false, "Only display volume names")
	f.StringVar(&o.format, "format", "", format.ListUsage)
	f.VarP(o.filters, "filter", "f", `Provide filter values (e.g. "dangling=true")`)
	f.BoolVar(&o.cluster, "cluster", false, "Display only cluster volumes, and use cluster volume list formatting")
	cli.MinAPI(f, "1.42", "cluster")
	return cmd
}

// listSpec picks the template: --format, else the config's volumesFormat,
// else the table (the cluster one with --cluster); -q only replaces the
// table.
func listSpec(spec, configured string, quiet, cluster bool) string {
	table := formatter.DefaultFormat
	if cluster {
		table = formatter.ClusterFormat
	}
	return format.ListSpec(spec, configured, quiet, table, formatter.QuietFormat)
}

func runList(ctx context.Context, c *cli.CLI, o listOptions) error {
	configured := ""
	if o.format == "" && !o.quiet {
		if cfg := c.Config(); cfg != nil {
			configured = cfg.VolumesFormat
		}
	}
	f, err := format.Parse(listSpec(o.format, configured, o.quiet, o.cluster), formatter.DefaultFormat)
	if err != nil {
		return fmt.Errorf("template parsing error: %w", err)
	}
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	vols, _, err := client.VolumeList(ctx, o.filters.Value())
	if err != nil {
		return err
	}
	if o.cluster {
		vols = vols[:0] // cluster volumes come from a swarm manager; this client lists none
	}
	sort.SliceStable(vols, func(i, j int) bool { return format.NaturalLess(vols[i].Name, vols[j].Name) })
	return format.WriteRows(format.NewWriter(c.Out, f, formatter.Header), vols, formatter.Row)
}
