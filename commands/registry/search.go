package registry

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/format"
	formatter "github.com/dockerclone/docker/cli/formatter/registry"
	"github.com/dockerclone/docker/cli/opts"
	"github.com/dockerclone/docker/credentials"
)

type searchOptions struct {
	term    string
	limit   int
	noTrunc bool
	format  string
	filter  *opts.Filter
}

func newSearchCommand(c *cli.CLI) *cobra.Command {
	o := searchOptions{filter: opts.NewFilter()}
	cmd := cli.Command("search [OPTIONS] TERM", "Search Docker Hub for images", cli.ExactArgs(1),
		func(cmd *cobra.Command, args []string) error {
			o.term = args[0]
			return runSearch(cmd.Context(), c, o)
		})
	cmd.Annotations = map[string]string{"category-top": "10"}
	flags := cmd.Flags()
	flags.BoolVar(&o.noTrunc, "no-trunc", false, "Don't truncate output")
	flags.VarP(o.filter, "filter", "f", "Filter output based on conditions provided")
	flags.IntVar(&o.limit, "limit", 0, "Max number of search results")
	flags.StringVar(&o.format, "format", "", "Pretty-print search using a Go template")
	return cmd
}

// runSearch asks the daemon, which searches the registry the term names
// (Docker Hub by default) with that registry's stored credentials. As the
// reference, the format is looked at only once the results are in.
func runSearch(ctx context.Context, c *cli.CLI, o searchOptions) error {
	filters := o.filter.Value()
	if _, ok := filters["is-automated"]; ok {
		fmt.Fprintln(c.Err, `WARNING: the "is-automated" filter is deprecated, and searching for "is-automated=true" will not yield any results in future.`)
	}
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	results, err := client.ImageSearch(ctx, engine.SearchOptions{Term: o.term, Limit: o.limit,
		Filters: filters, Auth: credentials.EncodedFor(c.Config(), searchHost(o.term))})
	if err != nil {
		return err
	}
	f, err := format.Parse(o.format, formatter.DefaultFormat)
	if err != nil {
		return fmt.Errorf("template parsing error: %w", err)
	}
	w := format.NewWriter(c.Out, f, formatter.Header)
	for i := range results {
		if err := w.Write(formatter.Row(&results[i], !o.noTrunc)); err != nil {
			return fmt.Errorf("template parsing error: %w", err)
		}
	}
	return w.Flush()
}

// searchHost is the registry a term names ("host/name"), else Docker Hub.
func searchHost(term string) string {
	host, _, ok := strings.Cut(term, "/")
	if ok && (strings.ContainsAny(host, ".:") || host == "localhost") {
		return host
	}
	return credentials.IndexServer
}
