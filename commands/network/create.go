package network

import (
	"context"
	"fmt"
	"net"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/opts"
)

type createOptions struct {
	driver     string
	driverOpts *opts.Map
	labels     *opts.List
	scope      string
	internal   bool
	attachable bool
	ingress    bool
	configOnly bool
	configFrom string
	ipv4, ipv6 bool
	ipv4Set    bool
	ipv6Set    bool
	ipamDriver string
	ipamOpts   *opts.Map
	subnets    []string
	ipRanges   []string
	gateways   []string
	auxAddrs   *opts.Map
}

func newCreateCommand(c *cli.CLI) *cobra.Command {
	o := createOptions{
		driverOpts: opts.NewMap(nil),
		labels:     opts.NewList(opts.ValidateLabel),
		ipamOpts:   opts.NewMap(nil),
		auxAddrs:   opts.NewMap(nil),
	}
	cmd := cli.Command("create [OPTIONS] NETWORK", "Create a network", cli.ExactArgs(1),
		func(cmd *cobra.Command, args []string) error {
			o.ipv4Set = cmd.Flags().Changed("ipv4")
			o.ipv6Set = cmd.Flags().Changed("ipv6")
			return runCreate(cmd.Context(), c, o, args[0])
		})
	f := cmd.Flags()
	f.StringVarP(&o.driver, "driver", "d", "bridge", "Driver to manage the Network")
	f.VarP(o.driverOpts, "opt", "o", "Set driver specific options")
	f.Var(o.labels, "label", "Set metadata on a network")
	f.BoolVar(&o.internal, "internal", false, "Restrict external access to the network")
	f.BoolVar(&o.ipv4, "ipv4", true, "Enable or disable IPv4 address assignment")
	f.BoolVar(&o.ipv6, "ipv6", false, "Enable or disable IPv6 address assignment")
	f.BoolVar(&o.attachable, "attachable", false, "Enable manual container attachment")
	f.BoolVar(&o.ingress, "ingress", false, "Create swarm routing-mesh network")
	f.StringVar(&o.scope, "scope", "", "Control the network's scope")
	f.StringVar(&o.ipamDriver, "ipam-driver", "default", "IP Address Management Driver")
	f.StringSliceVar(&o.subnets, "subnet", nil, "Subnet in CIDR format that represents a network segment")
	f.StringSliceVar(&o.ipRanges, "ip-range", nil, "Allocate container ip from a sub-range")
	f.StringSliceVar(&o.gateways, "gateway", nil, "IPv4 or IPv6 Gateway for the master subnet")
	f.Var(o.auxAddrs, "aux-address", "Auxiliary IPv4 or IPv6 addresses used by Network driver")
	f.Var(o.ipamOpts, "ipam-opt", "Set IPAM driver specific options")
	f.BoolVar(&o.configOnly, "config-only", false, "Create a configuration only network")
	f.StringVar(&o.configFrom, "config-from", "", "The network from which to copy the configuration")
	cli.MinAPI(f, "1.25", "attachable")
	cli.MinAPI(f, "1.29", "ingress")
	cli.MinAPI(f, "1.30", "config-from", "config-only", "scope")
	return cmd
}

func runCreate(ctx context.Context, c *cli.CLI, o createOptions, name string) error {
	ipam, err := ipamConfig(o.subnets, o.ipRanges, o.gateways, o.auxAddrs.Values())
	if err != nil {
		return err
	}
	req := engine.NetworkCreateRequest{
		Driver: o.driver,
		Scope:  o.scope,
		IPAM: &engine.NetworkIPAM{
			Driver:  o.ipamDriver,
			Options: o.ipamOpts.Values(),
			Config:  ipam,
		},
		Internal:       o.internal,
		Attachable:     o.attachable,
		Ingress:        o.ingress,
		ConfigOnly:     o.configOnly,
		Options:        o.driverOpts.Values(),
		Labels:         labelMap(o.labels.Values()),
		Name:           name,
		CheckDuplicate: true,
	}
	if o.ipv4Set {
		req.EnableIPv4 = &o.ipv4
	}
	if o.ipv6Set {
		req.EnableIPv6 = &o.ipv6
	}
	if o.configFrom != "" {
		req.ConfigFrom = &struct{ Network string }{o.configFrom}
	}
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	resp, err := client.NetworkCreate(ctx, req)
	if err != nil {
		return err
	}
	fmt.Fprintln(c.Out, resp.ID)
	return nil
}

// labelMap turns k=v (or bare k) labels into a map, never nil.
func labelMap(labels []string) map[string]string {
	m := map[string]string{}
	for _, l := range labels {
		k, v, _ := strings.Cut(l, "=")
		m[k] = v
	}
	return m
}

// ipamConfig pairs every range, gateway and auxiliary address with the
// subnet that contains it, one pool per subnet in the order given.
func ipamConfig(subnets, ranges, gateways []string, aux map[string]string) ([]engine.NetworkIPAMConfig, error) {
	if len(subnets) < len(ranges) || len(subnets) < len(gateways) {
		return nil, fmt.Errorf("every ip-range or gateway must have a corresponding subnet")
	}
	pools := make([]engine.NetworkIPAMConfig, 0, len(subnets))
	for _, s := range subnets {
		for _, prev := range pools {
			// A subnet is only parsed when compared; a lone bad one is the
			// daemon's to report.
			if overlap, err := subnetsOverlap(prev.Subnet, s); err != nil {
				return nil, err
			} else if overlap {
				return nil, fmt.Errorf("multiple overlapping subnet configuration is not supported")
			}
		}
		pools = append(pools, engine.NetworkIPAMConfig{Subnet: s})
	}
	nets := func() ([]*net.IPNet, error) {
		out := make([]*net.IPNet, len(pools))
		for i, p := range pools {
			_, n, err := net.ParseCIDR(p.Subnet)
			if err != nil {
				return nil, fmt.Errorf("invalid subnet %s : %w", p.Subnet, err)
			}
			out[i] = n
		}
		return out, nil
	}
	if len(ranges)+len(gateways)+len(aux) == 0 {
		return pools, nil
	}
	parsed, err := nets()
	if err != nil {
		return nil, err
	}
	// place sets each address (a CIDR for a range) in the slot of the pool
	// whose subnet holds it; a slot takes one address, dup says otherwise.
	place := func(addrs []string, cidr bool, what, dup string, slot func(*engine.NetworkIPAMConfig) *string) error {
		for _, addr := range addrs {
			i, err := matchSubnet(parsed, addr, cidr, what)
			if err != nil {
				return err
			}
			p := slot(&pools[i])
			if *p != "" {
				return fmt.Errorf(dup, addr, *p, pools[i].Subnet)
			}
			*p = addr
		}
		return nil
	}
	if err := place(ranges, true, "range", "cannot configure multiple ranges (%s, %s) on the same subnet (%s)",
		func(p *engine.NetworkIPAMConfig) *string { return &p.IPRange }); err != nil {
		return nil, err
	}
	if err := place(gateways, false, "gateway", "cannot configure multiple gateways (%s, %s) for the same subnet (%s)",
		func(p *engine.NetworkIPAMConfig) *string { return &p.Gateway }); err != nil {
		return nil, err
	}
	for k, a := range aux {
		i, err := matchSubnet(parsed, a, false, "aux-address")
		if err != nil {
			return nil, err
		}
		if pools[i].AuxAddress == nil {
			pools[i].AuxAddress = map[string]string{}
		}
		pools[i].AuxAddress[k] = a
	}
	return pools, nil
}

// matchSubnet returns the index of the subnet containing addr (a CIDR when
// cidr is set, else an address); what names addr when none does. As with
// the reference, an address that does not parse is one no subnet holds.
func matchSubnet(nets []*net.IPNet, addr string, cidr bool, what string) (int, error) {
	ip := net.ParseIP(addr)
	if cidr {
		var err error
		if ip, _, err = net.ParseCIDR(addr); err != nil {
			return -1, err
		}
	}
	for i, n := range nets {
		if n.Contains(ip) {
			return i, nil
		}
	}
	return -1, fmt.Errorf("no matching subnet for %s %s", what, addr)
}

func subnetsOverlap(a, b string) (bool, error) {
	_, na, err := net.ParseCIDR(a)
	if err != nil {
		return false, fmt.Errorf("invalid subnet %s : %w", a, err)
	}
	_, nb, err := net.ParseCIDR(b)
	if err != nil {
		return false, fmt.Errorf("invalid subnet %s : %w", b, err)
	}
	return na.Contains(nb.IP) || nb.Contains(na.IP), nil
}
