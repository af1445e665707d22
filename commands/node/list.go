package node

import (
	"bytes"
	"context"
	"fmt"
	"slices"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/format"
	"github.com/dockerclone/docker/cli/opts"
)

const (
	defaultFormat = "table {{.ID}} {{if .Self}}*{{else}} {{ end }}\t{{.Hostname}}\t{{.Status}}\t{{.Availability}}\t{{.ManagerStatus}}\t{{.EngineVersion}}"
	quietFormat   = "{{.ID}}"
)

var header = format.Header{
	"ID":            "ID",
	"Hostname":      "HOSTNAME",
	"Status":        "STATUS",
	"Availability":  "AVAILABILITY",
	"ManagerStatus": "MANAGER STATUS",
	"EngineVersion": "ENGINE VERSION",
	"TLSStatus":     "TLS STATUS",
	"Self":          "",
}

type listOptions struct {
	quiet   bool
	format  string
	filters *opts.Filter
}

func newListCommand(c *cli.CLI) *cobra.Command {
	o := listOptions{filters: opts.NewFilter()}
	cmd := &cobra.Command{
		Use:     "ls [OPTIONS]",
		Aliases: []string{"list"},
		Short:   "List nodes in the swarm",
		Args:    cli.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runList(cmd.Context(), c, o)
		},
	}
	f := cmd.Flags()
	f.BoolVarP(&o.quiet, "quiet", "q", false, "Only display IDs")
	f.StringVar(&o.format, "format", "", format.ListUsage)
	f.VarP(o.filters, "filter", "f", "Filter output based on conditions provided")
	return cmd
}

func runList(ctx context.Context, c *cli.CLI, o listOptions) error {
	configured := ""
	if o.format == "" && !o.quiet {
		configured = c.Config().NodesFormat
	}
	f, err := format.Parse(format.ListSpec(o.format, configured, o.quiet, defaultFormat, quietFormat), defaultFormat)
	if err != nil {
		return fmt.Errorf("template parsing error: %w", err)
	}
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	nodes, err := client.NodeList(ctx, o.filters.Value())
	if err != nil {
		return err
	}
	// Which node is this one, and the cluster's issuer (for TLS STATUS).
	var state engine.SwarmInfo
	if len(nodes) > 0 && !o.quiet {
		if state, err = client.SwarmState(ctx); err != nil {
			return err
		}
	}
	slices.SortStableFunc(nodes, func(a, b engine.Node) int {
		return format.NaturalCompare(a.Description.Hostname, b.Description.Hostname)
	})
	return format.WriteRows(format.NewWriter(c.Out, f, header), nodes, func(n *engine.Node) any {
		return &nodeContext{n: n, info: &state}
	})
}

// nodeContext is a row of node ls.
type nodeContext struct {
	n    *engine.Node
	info *engine.SwarmInfo
}

func (r *nodeContext) MarshalJSON() ([]byte, error) { return format.MarshalRow(r) }

func (r *nodeContext) ID() string            { return r.n.ID }
func (r *nodeContext) Self() bool            { return r.n.ID == r.info.NodeID }
func (r *nodeContext) Hostname() string      { return r.n.Description.Hostname }
func (r *nodeContext) Status() string        { return format.Capitalize(r.n.Status.State) }
func (r *nodeContext) Availability() string  { return format.Capitalize(r.n.Spec.Availability) }
func (r *nodeContext) EngineVersion() string { return r.n.Description.Engine.EngineVersion }

func (r *nodeContext) ManagerStatus() string {
	switch m := r.n.ManagerStatus; {
	case m == nil:
		return ""
	case m.Leader:
		return "Leader"
	default:
		return format.Capitalize(m.Reachability)
	}
}

// TLSStatus says whether the node's certificate comes from the cluster's
// current issuer.
func (r *nodeContext) TLSStatus() string {
	if cl := r.info.Cluster; cl != nil {
		t := r.n.Description.TLSInfo
		if !bytes.Equal(t.CertIssuerSubject, cl.TLSInfo.CertIssuerSubject) ||
			!bytes.Equal(t.CertIssuerPublicKey, cl.TLSInfo.CertIssuerPublicKey) {
			return "Needs Rotation"
		}
	}
	return "Ready"
}
