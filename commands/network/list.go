package network

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/format"
	"github.com/dockerclone/docker/cli/opts"
)

const (
	defaultListFormat = "table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}"
	quietListFormat   = "{{.ID}}"
)

type listOptions struct {
	quiet   bool
	noTrunc bool
	format  string
	filters *opts.Filter
}

func newListCommand(c *cli.CLI) *cobra.Command {
	o := listOptions{filters: opts.NewFilter()}
	cmd := &cobra.Command{
		Use:     "ls [OPTIONS]",
		Aliases: []string{"list"},
		Short:   "List networks",
		Args:    cli.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runList(cmd.Context(), c, o)
		},
	}
	f := cmd.Flags()
	f.BoolVarP(&o.quiet, "quiet", "q", false, "Only display network IDs")
	f.BoolVar(&o.noTrunc, "no-trunc", false, "Do not truncate the output")
	f.StringVar(&o.format, "format", "", format.ListUsage)
	f.VarP(o.filters, "filter", "f", `Provide filter values (e.g. "driver=bridge")`)
	return cmd
}

func runList(ctx context.Context, c *cli.CLI, o listOptions) error {
	configured := ""
	if o.format == "" && !o.quiet {
		if cfg := c.Config(); cfg != nil {
			configured = cfg.NetworksFormat
		}
	}
	f, err := format.Parse(format.ListSpec(o.format, configured, o.quiet, defaultListFormat, quietListFormat), defaultListFormat)
	if err != nil {
		return fmt.Errorf("template parsing error: %w", err)
	}
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	nets, err := client.NetworkList(ctx, o.filters.Value())
	if err != nil {
		return err
	}
	sort.SliceStable(nets, func(i, j int) bool { return format.NaturalLess(nets[i].Name, nets[j].Name) })
	return format.WriteRows(format.NewWriter(c.Out, f, listHeader), nets, func(n *engine.Network) any {
		return &networkContext{n: n, trunc: !o.noTrunc}
	})
}

var listHeader = format.Header{
	"ID":        "NETWORK ID",
	"Name":      "NAME",
	"Driver":    "DRIVER",
	"Scope":     "SCOPE",
	"IPv4":      "IPV4",
	"IPv6":      "IPV6",
	"Internal":  "INTERNAL",
	"Labels":    "LABELS",
	"CreatedAt": "CREATED AT",
}

// networkContext is one row of `network ls`; its methods are the template
// fields (named like the reference's, which shows in template errors).
type networkContext struct {
	n     *engine.Network
	trunc bool
}

func (r *networkContext) MarshalJSON() ([]byte, error) { return format.MarshalRow(r) }

func (r *networkContext) ID() string {
	if r.trunc && len(r.n.ID) > 12 {
		return r.n.ID[:12]
	}
	return r.n.ID
}

func (r *networkContext) Name() string      { return r.n.Name }
func (r *networkContext) Driver() string    { return r.n.Driver }
func (r *networkContext) Scope() string     { return r.n.Scope }
func (r *networkContext) IPv4() string      { return strconv.FormatBool(r.n.EnableIPv4) }
func (r *networkContext) IPv6() string      { return strconv.FormatBool(r.n.EnableIPv6) }
func (r *networkContext) Internal() string  { return strconv.FormatBool(r.n.Internal) }
func (r *networkContext) CreatedAt() string { return r.n.Created.String() }

// Labels joins k=v pairs with commas, sorted (the reference's order is a
// map's, so any order is as right).
func (r *networkContext) Labels() string { return joinLabels(r.n.Labels) }

// Label is the value of one label.
func (r *networkContext) Label(name string) string { return r.n.Labels[name] }

func joinLabels(m map[string]string) string {
	if m == nil {
		return ""
	}
	kv := make([]string, 0, len(m))
	for k, v := range m {
		kv = append(kv, k+"="+v)
	}
	slices.Sort(kv)
	return strings.Join(kv, ",")
}
