package context

import (
	"errors"
	"fmt"
	"sort"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/format"
	"github.com/dockerclone/docker/commands/context/formatter"
	"github.com/dockerclone/docker/config"
)

const defaultListFormat = "table {{.Name}}{{if .Current}} *{{end}}\t{{.Description}}\t{{.DockerEndpoint}}\t{{.Error}}"

type listOptions struct {
	format string
	quiet  bool
}

func newListCommand(c *cli.CLI) *cobra.Command {
	var opts listOptions
	cmd := cli.Command("ls [OPTIONS]", "List contexts", cli.NoArgs,
		func(*cobra.Command, []string) error { return runList(c, opts) },
		"docker context ls", "docker context list")
	cmd.Aliases = []string{"list"}
	fs := cmd.Flags()
	fs.StringVar(&opts.format, "format", "", `Format output using a custom template:
'table':            Print output in table format with column headers (default)
'table TEMPLATE':   Print output in table format using the given Go template
'json':             Print in JSON format
'TEMPLATE':         Print output using the given Go template.
Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates`)
	fs.BoolVarP(&opts.quiet, "quiet", "q", false, "Only show context names")
	return cmd
}

var listHeader = format.Header{
	"Name":           "NAME",
	"Description":    "DESCRIPTION",
	"DockerEndpoint": "DOCKER ENDPOINT",
	"Error":          "ERROR",
}

func runList(c *cli.CLI, opts listOptions) error {
	spec := opts.format
	if opts.quiet {
		spec = "{{.Name}}"
	}
	f, err := format.Parse(spec, defaultListFormat)
	if err != nil {
		return fmt.Errorf("template parsing error: %w", err)
	}
	current, err := currentName(c)
	if err != nil {
		return err
	}
	rows, err := listRows(c, current)
	if err != nil {
		return err
	}
	w := format.NewWriter(c.Out, f, listHeader)
	for _, r := range rows {
		if err := w.Write(formatter.Row(r)); err != nil {
			return fmt.Errorf("template parsing error: %w", err)
		}
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("template parsing error: %w", err)
	}
	dockerHostWarning(c, "a context")
	return nil
}

// listRows is every stored context plus "default" and, when the current
// context does not exist, a row carrying that error; in natural order.
func listRows(c *cli.CLI, current string) ([]formatter.ClientContext, error) {
	def, err := cli.DefaultEndpoint(&c.Opts)
	if err != nil {
		return nil, err
	}
	stored, err := c.Contexts().List()
	if err != nil {
		return nil, err
	}
	rows := []formatter.ClientContext{{
		Name:           config.DefaultContextName,
		Description:    cli.DefaultContextDescription,
		DockerEndpoint: def.Host,
		Current:        current == config.DefaultContextName,
	}}
	seen := current == config.DefaultContextName
	for _, s := range stored {
		r := formatter.ClientContext{Name: s.Name, Description: s.Description, Current: s.Name == current}
		if s.Docker != nil {
			r.DockerEndpoint = s.Docker.Host
		} else {
			r.Error = "cannot find docker endpoint in context"
		}
		seen = seen || r.Current
		rows = append(rows, r)
	}
	if !seen {
		_, err := c.Contexts().Get(current)
		if err == nil {
			err = errors.New("context vanished while listing")
		}
		rows = append(rows, formatter.ClientContext{Name: current, Current: true, Error: err.Error()})
	}
	sort.SliceStable(rows, func(i, j int) bool { return format.NaturalLess(rows[i].Name, rows[j].Name) })
	return rows, nil
}
