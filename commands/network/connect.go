package network

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/opts"
)

type connectOptions struct {
	ipv4, ipv6   string
	links        *opts.List
	aliases      []string
	linkLocalIPs []string
	driverOpts   []string
	gwPriority   int
}

func newConnectCommand(c *cli.CLI) *cobra.Command {
	o := connectOptions{links: opts.NewList(nil)}
	cmd := cli.Command("connect [OPTIONS] NETWORK CONTAINER", "Connect a container to a network", cli.ExactArgs(2),
		func(cmd *cobra.Command, args []string) error {
			return runConnect(cmd.Context(), c, o, args[0], args[1])
		})
	f := cmd.Flags()
	f.StringVar(&o.ipv4, "ip", "", `IPv4 address (e.g., "172.30.100.104")`)
	f.StringVar(&o.ipv6, "ip6", "", `IPv6 address (e.g., "2001:db8::33")`)
	f.Var(o.links, "link", "Add link to another container")
	f.StringSliceVar(&o.aliases, "alias", nil, "Add network-scoped alias for the container")
	f.StringSliceVar(&o.linkLocalIPs, "link-local-ip", nil, "Add a link-local address for the container")
	f.StringSliceVar(&o.driverOpts, "driver-opt", nil, "driver options for the network")
	f.IntVar(&o.gwPriority, "gw-priority", 0, "Highest gw-priority provides the default gateway. Accepts positive and negative values.")
	return cmd
}

func runConnect(ctx context.Context, c *cli.CLI, o connectOptions, network, container string) error {
	driverOpts, err := parseDriverOpts(o.driverOpts)
	if err != nil {
		return err
	}
	ep := &engine.EndpointSettings{
		Links:      o.links.Values(),
		Aliases:    o.aliases,
		DriverOpts: driverOpts,
		GwPriority: o.gwPriority,
	}
	if o.ipv4 != "" || o.ipv6 != "" || len(o.linkLocalIPs) > 0 {
		ep.IPAMConfig = &engine.EndpointIPAM{IPv4Address: o.ipv4, IPv6Address: o.ipv6, LinkLocalIPs: o.linkLocalIPs}
	}
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	return client.NetworkConnect(ctx, network, container, ep)
}

// parseDriverOpts turns k=v strings into a map (nil when none).
func parseDriverOpts(list []string) (map[string]string, error) {
	if len(list) == 0 {
		return nil, nil
	}
	m := make(map[string]string, len(list))
	for _, kv := range list {
		k, v, ok := strings.Cut(kv, "=")
		if !ok || strings.TrimSpace(k) == "" {
			return nil, fmt.Errorf("invalid key/value pair format in driver options")
		}
		m[strings.TrimSpace(k)] = strings.TrimSpace(v)
	}
	return m, nil
}

type disconnectOptions struct{ force bool }

func newDisconnectCommand(c *cli.CLI) *cobra.Command {
	var o disconnectOptions
	cmd := cli.Command("disconnect [OPTIONS] NETWORK CONTAINER", "Disconnect a container from a network", cli.ExactArgs(2),
		func(cmd *cobra.Command, args []string) error {
			client, err := c.Client(cmd.Context())
			if err != nil {
				return err
			}
			return client.NetworkDisconnect(cmd.Context(), args[0], args[1], o.force)
		})
	cmd.Flags().BoolVarP(&o.force, "force", "f", false, "Force the container to disconnect from a network")
	return cmd
}
