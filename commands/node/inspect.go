package node

import (
	"context"
	"encoding/base64"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/docker/go-units"
	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/format"
	"github.com/dockerclone/docker/cli/format/shapes/swarm"
)

func newInspectCommand(c *cli.CLI) *cobra.Command {
	return cli.NewInspectCommand(c, "inspect [OPTIONS] self|NODE [NODE...]", "Display detailed information on one or more nodes", inspector)
}

// Templates run on the typed node only, as with the reference.
var inspector = cli.Inspector[engine.Node]{
	Get: func(client *engine.Client, ctx context.Context, name string) (engine.Node, []byte, error) {
		id, err := resolveSelf(ctx, client, name)
		if err != nil {
			return engine.Node{}, nil, err
		}
		return client.NodeInspect(ctx, id)
	},
	Add:    func(w *format.Inspect, n engine.Node, _ []byte) error { return w.AddValue(swarm.Node(n)) },
	Pretty: func(_ context.Context, out io.Writer, _ *engine.Client, n *engine.Node) { printPretty(out, n) },
}

// printPretty writes the --pretty layout of a node.
func printPretty(out io.Writer, n *engine.Node) {
	p := func(f string, a ...any) { fmt.Fprintf(out, f+"\n", a...) }
	p("ID:\t\t\t%s", n.ID)
	if n.Spec.Name != "" {
		p("Name:\t\t\t%s", n.Spec.Name)
	}
	format.WriteLabels(out, "Labels:", n.Spec.Labels)
	p("Hostname:              \t%s", n.Description.Hostname)
	p("Joined at:             \t%s", format.PrettyTime(n.CreatedAt))
	p("Status:")
	p(" State:\t\t\t%s", format.Capitalize(n.Status.State))
	if n.Status.Message != "" {
		p(" Message:              \t%s", format.Capitalize(n.Status.Message))
	}
	p(" Availability:         \t%s", format.Capitalize(n.Spec.Availability))
	if n.Status.Addr != "" {
		p(" Address:\t\t%s", n.Status.Addr)
	}
	if m := n.ManagerStatus; m != nil {
		p("Manager Status:")
		p(" Address:\t\t%s", m.Addr)
		p(" Raft Status:\t\t%s", format.Capitalize(m.Reachability))
		if m.Leader {
			p(" Leader:\t\tYes")
		} else {
			p(" Leader:\t\tNo")
		}
	}
	d := n.Description
	p("Platform:")
	p(" Operating System:\t%s", d.Platform.OS)
	p(" Architecture:\t\t%s", d.Platform.Architecture)
	p("Resources:")
	p(" CPUs:\t\t\t%s", strconv.FormatFloat(float64(d.Resources.NanoCPUs)/1e9, 'f', -1, 64))
	p(" Memory:\t\t%s", units.BytesSize(float64(d.Resources.MemoryBytes)))
	if len(d.Engine.Plugins) > 0 {
		byType := map[string][]string{}
		for _, pl := range d.Engine.Plugins {
			byType[pl.Type] = append(byType[pl.Type], pl.Name)
		}
		p("Plugins:")
		for _, t := range slices.Sorted(maps.Keys(byType)) {
			p(" %s:\t\t%s", t, strings.Join(byType[t], ", "))
		}
	}
	p("Engine Version:\t\t%s", d.Engine.EngineVersion)
	format.WriteLabels(out, "Engine Labels:", d.Engine.Labels)
	if t := d.TLSInfo; t.TrustRoot != "" {
		p("TLS Info:")
		p(" TrustRoot:\n%s", t.TrustRoot)
		p(" Issuer Subject:\t%s", base64.StdEncoding.EncodeToString(t.CertIssuerSubject))
		p(" Issuer Public Key:\t%s", base64.StdEncoding.EncodeToString(t.CertIssuerPublicKey))
	}
}
