package network

import (
	"context"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/format"
)

const defaultListFormat = "table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}"

func newListCommand(c *cli.CLI) *cobra.Command {
	var noTrunc bool
	cmd := cli.NewListCommand(c, "List networks", func() cli.Lister[engine.Network] {
		return cli.Lister[engine.Network]{
			Configured: func(c *cli.CLI) string { return c.Config().NetworksFormat },
			Table:      defaultListFormat,
			Header:     listHeader,
			List: func(ctx context.Context, client *engine.Client, f engine.Filters, _ bool) ([]engine.Network, error) {
				return client.NetworkList(ctx, f)
			},
			Name: func(n *engine.Network) string { return n.Name },
			Row:  func(n *engine.Network) any { return &networkContext{n: n, trunc: !noTrunc} },
		}
	})
	f := cmd.Flags()
	f.Lookup("quiet").Usage = "Only display network IDs"
	f.Lookup("filter").Usage = `Provide filter values (e.g. "driver=bridge")`
	f.BoolVar(&noTrunc, "no-trunc", false, "Do not truncate the output")
	return cmd
}

var listHeader = format.Header{"ID": "NETWORK ID", "CreatedAt": "CREATED AT"}.
	WithUpper("Name", "Driver", "Scope", "IPv4", "IPv6", "Internal", "Labels")

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
func (r *networkContext) Labels() string    { return format.JoinLabels(r.n.Labels) }

// Label is the value of one label.
func (r *networkContext) Label(name string) string { return r.n.Labels[name] }
