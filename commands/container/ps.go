package container

import (
	"context"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/format"
	formatter "github.com/dockerclone/docker/cli/formatter/container"
	"github.com/dockerclone/docker/cli/opts"
)

type psOptions struct {
	all, quiet, size, latest, noTrunc bool
	sizeSet                           bool // --size given, even as --size=false
	last                              int
	filters                           opts.Filter
	format                            string
}

// newPsCommand builds `docker ps` (top level) or `docker container ls`.
func newPsCommand(c *cli.CLI, topLevel bool) *cobra.Command {
	var o psOptions
	cmd := cli.Command("ls [OPTIONS]", "List containers", cli.NoArgs, func(cmd *cobra.Command, args []string) error {
		o.sizeSet = cmd.Flags().Changed("size")
		return runPs(cmd.Context(), c, &o)
	}, "docker container ls", "docker container list", "docker container ps", "docker ps")
	cmd.Aliases = []string{"list", "ps"}
	if topLevel {
		cmd.Use, cmd.Aliases = "ps [OPTIONS]", nil
		cmd.Annotations["category-top"] = "3"
	}
	f := cmd.Flags()
	f.BoolVarP(&o.quiet, "quiet", "q", false, "Only display container IDs")
	f.BoolVarP(&o.size, "size", "s", false, "Display total file sizes")
	f.BoolVarP(&o.all, "all", "a", false, "Show all containers (default shows just running)")
	f.BoolVar(&o.noTrunc, "no-trunc", false, "Don't truncate output")
	f.BoolVarP(&o.latest, "latest", "l", false, "Show the latest created container (includes all states)")
	o.last = -1
	f.IntVarP(&o.last, "last", "n", -1, "Show n last created containers (includes all states)")
	f.StringVar(&o.format, "format", "", psFormatUsage)
	f.VarP(&o.filters, "filter", "f", "Filter output based on conditions provided")
	return cmd
}

const psFormatUsage = "Format output using a custom template:\n" +
	"'table':            Print output in table format with column headers (default)\n" +
	"'table TEMPLATE':   Print output in table format using the given Go template\n" +
	"'json':             Print in JSON format\n" +
	"'TEMPLATE':         Print output using the given Go template.\n" +
	"Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates"

func runPs(ctx context.Context, c *cli.CLI, o *psOptions) error {
	spec := o.format
	if spec == "" {
		spec = c.Config().PsFormat
	} else if o.quiet {
		fmt.Fprintln(c.Err, "WARNING: Ignoring custom format, because both --format and --quiet are set.")
		_ = c.Err.Flush()
	}
	usesSize, err := psProbe(spec)
	if err != nil {
		return err
	}
	// A template showing .Size asks for sizes unless --size says otherwise.
	size := o.size || (usesSize && !o.quiet && !o.sizeSet)

	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	limit := o.last
	if o.latest {
		limit = 1
	}
	list, err := client.ContainerList(ctx, engine.ListOptions{
		All: o.all, Limit: limit, Size: size, Filters: o.filters.Value(),
	})
	if err != nil {
		return err
	}

	final := formatter.Spec(spec, o.quiet, size)
	rows := formatter.NewRows(list, !o.noTrunc, time.Now())
	if formatter.IsDefaultTable(final) {
		return formatter.WriteDefaultTable(c.Out, rows, size)
	}
	f, err := format.Parse(final, "")
	if err != nil {
		return fmt.Errorf("template parsing error: %w", err)
	}
	w := format.NewWriter(c.Out, f, formatter.Header)
	for i := range rows {
		if err := w.Write(&rows[i]); err != nil {
			break // Flush reports it and prints nothing
		}
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("template parsing error: %w", err)
	}
	return nil
}
