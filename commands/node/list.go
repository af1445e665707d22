package node

import (
	"bytes"
	"context"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/format"
)

const defaultFormat = "table {{.ID}} {{if .Self}}*{{else}} {{ end }}\t{{.Hostname}}\t{{.Status}}\t{{.Availability}}\t{{.ManagerStatus}}\t{{.EngineVersion}}"

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

func newListCommand(c *cli.CLI) *cobra.Command {
	return cli.NewListCommand(c, "List nodes in the swarm", lister)
}

// lister lists the nodes in hostname order; unless -q, /info tells which
// node is this one and the cluster's certificate issuer (for TLS STATUS).
func lister() cli.Lister[engine.Node] {
	var state engine.SwarmInfo
	return cli.Lister[engine.Node]{
		Configured: func(c *cli.CLI) string { return c.Config().NodesFormat },
		Table:      defaultFormat,
		Header:     header,
		List: func(ctx context.Context, client *engine.Client, f engine.Filters, quiet bool) ([]engine.Node, error) {
			nodes, err := client.NodeList(ctx, f)
			if err == nil && len(nodes) > 0 && !quiet {
				state, err = client.SwarmState(ctx)
			}
			return nodes, err
		},
		Name: func(n *engine.Node) string { return n.Description.Hostname },
		Row:  func(n *engine.Node) any { return &nodeContext{n: n, info: &state} },
	}
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
