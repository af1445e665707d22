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

type inspectOptions struct {
	format string
	pretty bool
}

func newInspectCommand(c *cli.CLI) *cobra.Command {
	var o inspectOptions
	cmd := &cobra.Command{
		Use:   "inspect [OPTIONS] self|NODE [NODE...]",
		Short: "Display detailed information on one or more nodes",
		Args:  cli.RequiresMinArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runInspect(cmd.Context(), c, o, args)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.format, "format", "f", "", format.InspectUsage)
	f.BoolVar(&o.pretty, "pretty", false, "Print the information in a human friendly format")
	return cmd
}

func runInspect(ctx context.Context, c *cli.CLI, o inspectOptions, names []string) error {
	var w *format.Inspect
	if !o.pretty {
		var err error
		if w, err = c.NewInspect(o.format); err != nil {
			return err
		}
	}
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	get := func(name string) (engine.Node, []byte, error) {
		id, err := resolveSelf(ctx, client, name)
		if err != nil {
			return engine.Node{}, nil, err
		}
		return client.NodeInspect(ctx, id)
	}
	if o.pretty {
		nodes, err := cli.FetchAll(names, get)
		if err != nil {
			return err
		}
		for i := range nodes {
			printPretty(c.Out, &nodes[i])
		}
		return nil
	}
	return w.Each(names, func(name string) error {
		n, _, err := get(name)
		if err != nil {
			return err
		}
		return w.AddValue(swarm.Node(n))
	})
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
