package container

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/format"
	formatter "github.com/dockerclone/docker/cli/formatter/container"
)

type psOptions struct {
	all, quiet, size, latest, noTrunc bool
	last                              int
	filters                           psFilters
	format                            string
}

// newPsCommand builds `docker ps` (top level) or `docker container ls`.
func newPsCommand(c *cli.CLI, topLevel bool) *cobra.Command {
	opts := psOptions{filters: psFilters{}}
	cmd := &cobra.Command{
		Use:         "ls [OPTIONS]",
		Aliases:     []string{"list", "ps"},
		Short:       "List containers",
		Args:        cli.NoArgs,
		Annotations: map[string]string{"aliases": "docker container ls, docker container list, docker container ps, docker ps"},
		RunE: func(cmd *cobra.Command, args []string) error {
			return runPs(cmd.Context(), c, &opts)
		},
	}
	if topLevel {
		cmd.Use, cmd.Aliases = "ps [OPTIONS]", nil
		cmd.Annotations["category-top"] = "3"
	}
	f := cmd.Flags()
	f.BoolVarP(&opts.quiet, "quiet", "q", false, "Only display container IDs")
	f.BoolVarP(&opts.size, "size", "s", false, "Display total file sizes")
	f.BoolVarP(&opts.all, "all", "a", false, "Show all containers (default shows just running)")
	f.BoolVar(&opts.noTrunc, "no-trunc", false, "Don't truncate output")
	f.BoolVarP(&opts.latest, "latest", "l", false, "Show the latest created container (includes all states)")
	opts.last = -1
	f.IntVarP(&opts.last, "last", "n", -1, "Show n last created containers (includes all states)")
	f.StringVar(&opts.format, "format", "", psFormatUsage)
	f.VarP(opts.filters, "filter", "f", "Filter output based on conditions provided")
	return cmd
}

const psFormatUsage = "Format output using a custom template:\n" +
	"'table':            Print output in table format with column headers (default)\n" +
	"'table TEMPLATE':   Print output in table format using the given Go template\n" +
	"'json':             Print in JSON format\n" +
	"'TEMPLATE':         Print output using the given Go template.\n" +
	"Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates"

func runPs(ctx context.Context, c *cli.CLI, opts *psOptions) error {
	spec := opts.format
	if spec == "" {
		spec = c.Config().PsFormat
	} else if opts.quiet {
		fmt.Fprintln(c.Err, "WARNING: Ignoring custom format, because both --format and --quiet are set.")
		_ = c.Err.Flush()
	}
	usesSize, err := psProbe(spec)
	if err != nil {
		return err
	}
	size := opts.size || (usesSize && !opts.quiet)

	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	limit := opts.last
	if opts.latest {
		limit = 1
	}
	list, err := client.ContainerList(ctx, engine.ListOptions{
		All: opts.all, Limit: limit, Size: size, Filters: engine.Filters(opts.filters),
	})
	if err != nil {
		return err
	}

	final := formatter.Spec(spec, opts.quiet, size)
	rows := formatter.NewRows(list, !opts.noTrunc, time.Now())
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

// psFilters is the -f/--filter flag: name=value pairs sent to the daemon.
type psFilters engine.Filters

func (f psFilters) String() string { return "" }
func (f psFilters) Type() string   { return "filter" }

// Set adds one name=value; the name is lower-cased, both sides trimmed.
func (f psFilters) Set(v string) error {
	if v == "" {
		return nil
	}
	name, value, ok := strings.Cut(v, "=")
	if !ok {
		return fmt.Errorf("bad format of filter (expected name=value)")
	}
	engine.Filters(f).Add(strings.ToLower(strings.TrimSpace(name)), strings.TrimSpace(value))
	return nil
}
