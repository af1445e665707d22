package swarm

import (
	"context"
	"fmt"
	"net"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
)

type initOptions struct {
	specOptions
	listenAddr      nodeAddr
	advertiseAddr   string
	dataPathAddr    string
	dataPathPort    uint32
	forceNewCluster bool
	availability    string
	addrPools       []net.IPNet
	addrPoolMask    uint32
}

func newInitCommand(c *cli.CLI) *cobra.Command {
	o := initOptions{listenAddr: nodeAddr{defaultListenAddr}}
	cmd := cli.Command("init [OPTIONS]", "Initialize a swarm", cli.NoArgs,
		func(cmd *cobra.Command, args []string) error { return runInit(cmd.Context(), c, cmd.Flags(), o) })
	f := cmd.Flags()
	f.Var(&o.listenAddr, "listen-addr", `Listen address (format: "<ip|interface>[:port]")`)
	f.StringVar(&o.advertiseAddr, "advertise-addr", "", `Advertised address (format: "<ip|interface>[:port]")`)
	f.StringVar(&o.dataPathAddr, "data-path-addr", "", `Address or interface to use for data path traffic (format: "<ip|interface>")`)
	f.Uint32Var(&o.dataPathPort, "data-path-port", 0, "Port number to use for data path traffic (1024 - 49151). If no value is set or is set to 0, the default port (4789) is used.")
	f.IPNetSliceVar(&o.addrPools, "default-addr-pool", nil, "default address pool in CIDR format")
	f.Uint32Var(&o.addrPoolMask, "default-addr-pool-mask-length", 24, "default address pool subnet mask length")
	f.BoolVar(&o.forceNewCluster, "force-new-cluster", false, "Force create a new cluster from current state")
	f.StringVar(&o.availability, "availability", "active", `Availability of the node ("active", "pause", "drain")`)
	o.addSpecFlags(f, "Enable manager autolocking (requiring an unlock key to start a stopped manager)")
	cli.MinAPI(f, "1.31", "data-path-addr")
	cli.MinAPI(f, "1.39", "default-addr-pool", "default-addr-pool-mask-length")
	cli.MinAPI(f, "1.40", "data-path-port")
	return cmd
}

func runInit(ctx context.Context, c *cli.CLI, f *pflag.FlagSet, o initOptions) error {
	req := engine.SwarmInitRequest{
		ListenAddr:       o.listenAddr.addr,
		AdvertiseAddr:    o.advertiseAddr,
		DataPathAddr:     o.dataPathAddr,
		DataPathPort:     o.dataPathPort,
		ForceNewCluster:  o.forceNewCluster,
		AutoLockManagers: o.autolock,
		DefaultAddrPool:  []string{},
		SubnetSize:       o.addrPoolMask,
	}
	for _, p := range o.addrPools {
		req.DefaultAddrPool = append(req.DefaultAddrPool, p.String())
	}
	if f.Changed("availability") {
		if err := checkAvailability(o.availability); err != nil {
			return err
		}
		req.Availability = strings.ToLower(o.availability)
	}
	o.merge(f, &req.Spec, "")
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	nodeID, err := client.SwarmInit(ctx, req)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.Out, "Swarm initialized: current node (%s) is now a manager.\n\n", nodeID)
	if err := printJoinCommand(ctx, c.Out, client, nodeID, true, false); err != nil {
		return err
	}
	fmt.Fprintln(c.Out, "To add a manager to this swarm, run 'docker swarm join-token manager' and follow the instructions.")
	if !req.AutoLockManagers {
		return nil
	}
	key, err := client.SwarmUnlockKey(ctx)
	if err != nil {
		return fmt.Errorf("could not fetch unlock key: %w", err)
	}
	printUnlockKey(c.Out, key)
	return nil
}
