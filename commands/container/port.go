package container

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"sort"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/format"
)

func newPortCommand(c *cli.CLI) *cobra.Command {
	return newCommand("port CONTAINER [PRIVATE_PORT[/PROTO]]", "List port mappings or a specific mapping for the container",
		cli.RequiresRangeArgs(1, 2), func(cmd *cobra.Command, args []string) error {
			port := ""
			if len(args) == 2 {
				port = args[1]
			}
			return runPort(cmd.Context(), c, args[0], port)
		})
}

// runPort prints "PORT/PROTO -> HOST:PORT" for every binding, or only the
// host addresses of the one port asked for, in natural order.
func runPort(ctx context.Context, c *cli.CLI, name, port string) error {
	client, id, err := clientFor(ctx, c, name)
	if err != nil {
		return err
	}
	_, raw, err := client.ContainerInspect(ctx, id, false)
	if err != nil {
		return err
	}
	var ctr struct {
		NetworkSettings struct {
			Ports map[string][]engine.PortBinding
		}
	}
	if err := json.Unmarshal(raw, &ctr); err != nil {
		return err
	}
	var out []string
	if port != "" {
		num, proto, _ := strings.Cut(port, "/")
		if proto == "" {
			proto = "tcp"
		}
		if _, err := strconv.ParseUint(num, 10, 16); err != nil {
			return fmt.Errorf("Error: invalid port (%s): %w", num, err)
		}
		bindings := ctr.NetworkSettings.Ports[num+"/"+proto]
		if len(bindings) == 0 {
			return fmt.Errorf("Error: No public port '%s' published for %s", port, name)
		}
		for _, b := range bindings {
			out = append(out, net.JoinHostPort(b.HostIP, b.HostPort))
		}
	} else {
		for p, bindings := range ctr.NetworkSettings.Ports {
			for _, b := range bindings {
				out = append(out, p+" -> "+net.JoinHostPort(b.HostIP, b.HostPort))
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return format.NaturalLess(out[i], out[j]) })
	for _, l := range out {
		fmt.Fprintln(c.Out, l)
	}
	return nil
}
