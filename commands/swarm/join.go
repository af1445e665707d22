package swarm

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
)

type joinOptions struct {
	listenAddr    nodeAddr
	advertiseAddr string
	dataPathAddr  string
	token         string
	availability  string
}

func newJoinCommand(c *cli.CLI) *cobra.Command {
	o := joinOptions{listenAddr: nodeAddr{defaultListenAddr}}
	cmd := cli.Command("join [OPTIONS] HOST:PORT", "Join a swarm as a node and/or manager", cli.ExactArgs(1),
		func(cmd *cobra.Command, args []string) error {
			return runJoin(cmd.Context(), c, o, cmd.Flags().Changed("availability"), args[0])
		})
	f := cmd.Flags()
	f.Var(&o.listenAddr, "listen-addr", `Listen address (format: "<ip|interface>[:port]")`)
	f.StringVar(&o.advertiseAddr, "advertise-addr", "", `Advertised address (format: "<ip|interface>[:port]")`)
	f.StringVar(&o.dataPathAddr, "data-path-addr", "", `Address or interface to use for data path traffic (format: "<ip|interface>")`)
	f.StringVar(&o.token, "token", "", "Token for entry into the swarm")
	f.StringVar(&o.availability, "availability", "active", `Availability of the node ("active", "pause", "drain")`)
	cli.MinAPI(f, "1.31", "data-path-addr")
	return cmd
}

func runJoin(ctx context.Context, c *cli.CLI, o joinOptions, availabilitySet bool, remote string) error {
	req := engine.SwarmJoinRequest{
		ListenAddr:    o.listenAddr.addr,
		AdvertiseAddr: o.advertiseAddr,
		DataPathAddr:  o.dataPathAddr,
		RemoteAddrs:   []string{remote},
		JoinToken:     o.token,
	}
	if availabilitySet {
		if err := checkAvailability(o.availability); err != nil {
			return err
		}
		req.Availability = strings.ToLower(o.availability)
	}
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	if err := client.SwarmJoin(ctx, req); err != nil {
		return err
	}
	state, err := client.SwarmState(ctx)
	if err != nil {
		return err
	}
	if state.ControlAvailable {
		fmt.Fprintln(c.Out, "This node joined a swarm as a manager.")
	} else {
		fmt.Fprintln(c.Out, "This node joined a swarm as a worker.")
	}
	return nil
}
