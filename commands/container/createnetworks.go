package container

import (
	"errors"
	"fmt"
	"net"
	"strings"

	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/opts"
)

// networking picks the network mode (the first --network, else "default") and
// the endpoint settings of each network. With one network and nothing to
// configure on it, no endpoint is sent (the daemon makes one); with several,
// each gets one, so the daemon can refuse what it cannot do.
func (f *containerFlags) networking(hc *engine.HostConfig) (engine.NetworkingConfig, error) {
	if f.macAddress != "" && !validMAC(f.macAddress) {
		return engine.NetworkingConfig{}, fmt.Errorf("%s is not a valid mac address", f.macAddress)
	}
	nets := f.networks.Values()
	eps := map[string]*engine.EndpointSettings{}
	if len(nets) == 0 {
		hc.NetworkMode = "default"
		nets = []opts.NetworkAttachment{{Target: "default"}}
	} else {
		hc.NetworkMode = nets[0].Target
	}
	var userDefined, builtin bool
	for i, n := range nets {
		if userDefinedNetwork(n.Target) {
			userDefined = true
		} else {
			builtin = true
		}
		if i == 0 {
			// The per-container network flags apply to the primary network.
			if err := f.applyToPrimary(&n); err != nil {
				return engine.NetworkingConfig{}, err
			}
		}
		ep, err := endpoint(n)
		if err != nil {
			return engine.NetworkingConfig{}, err
		}
		if _, dup := eps[n.Target]; dup {
			return engine.NetworkingConfig{}, fmt.Errorf("network %q is specified multiple times", n.Target)
		}
		if n.Target != "default" && len(nets) == 1 && endpointEmpty(ep) {
			continue
		}
		eps[n.Target] = ep
	}
	if userDefined && builtin {
		return engine.NetworkingConfig{}, errors.New("conflicting options: cannot attach both user-defined and non-user-defined network-modes")
	}
	return engine.NetworkingConfig{EndpointsConfig: eps}, nil
}

// applyToPrimary moves --network-alias, --link (user-defined networks only),
// --ip, --ip6, --mac-address and --link-local-ip onto the first network,
// refusing them when that network sets its own.
func (f *containerFlags) applyToPrimary(n *opts.NetworkAttachment) error {
	for _, c := range []struct {
		both bool
		msg  string
	}{
		{len(n.Aliases) > 0 && f.networkAliases.Len() > 0, "--network-alias and per-network alias"},
		{n.IPv4 != "" && f.ipv4 != "", "--ip and per-network IPv4 address"},
		{n.IPv6 != "" && f.ipv6 != "", "--ip6 and per-network IPv6 address"},
		{n.MacAddress != "" && f.macAddress != "", "--mac-address and per-network MAC address"},
		{len(n.LinkLocal) > 0 && f.linkLocalIPs.Len() > 0, "--link-local-ip and per-network link-local IP addresses"},
	} {
		if c.both {
			return fmt.Errorf("conflicting options: cannot specify both %s", c.msg)
		}
	}
	n.Aliases = append(n.Aliases, f.networkAliases.Values()...)
	if userDefinedNetwork(n.Target) {
		n.Links = append(n.Links, f.links.Values()...)
	}
	if f.ipv4 != "" {
		n.IPv4 = f.ipv4
	}
	if f.ipv6 != "" {
		n.IPv6 = f.ipv6
	}
	if f.macAddress != "" {
		n.MacAddress = f.macAddress
	}
	n.LinkLocal = append(n.LinkLocal, f.linkLocalIPs.Values()...)
	return nil
}

// endpoint checks one attachment and turns it into its endpoint settings.
func endpoint(n opts.NetworkAttachment) (*engine.EndpointSettings, error) {
	if strings.TrimSpace(n.Target) == "" {
		return nil, errors.New("no name set for network")
	}
	if len(n.Aliases) > 0 && !userDefinedNetwork(n.Target) {
		return nil, errors.New("network-scoped aliases are only supported for user-defined networks")
	}
	if n.MacAddress != "" && !validMAC(n.MacAddress) {
		return nil, fmt.Errorf("%s is not a valid mac address", n.MacAddress)
	}
	ep := &engine.EndpointSettings{Aliases: n.Aliases, Links: n.Links, DriverOpts: n.DriverOpts, MacAddress: n.MacAddress, GwPriority: n.GwPriority}
	if n.IPv4 != "" || n.IPv6 != "" || len(n.LinkLocal) > 0 {
		ep.IPAMConfig = &engine.EndpointIPAM{IPv4Address: n.IPv4, IPv6Address: n.IPv6, LinkLocalIPs: n.LinkLocal}
	}
	return ep, nil
}

// endpointEmpty reports whether no per-network setting was given.
func endpointEmpty(e *engine.EndpointSettings) bool {
	return e.IPAMConfig == nil && len(e.Aliases) == 0 && len(e.Links) == 0 && len(e.DriverOpts) == 0 &&
		e.MacAddress == "" && e.GwPriority == 0
}

func validMAC(s string) bool {
	_, err := net.ParseMAC(s)
	return err == nil
}

func userDefinedNetwork(name string) bool {
	switch name {
	case "default", "bridge", "host", "none":
		return false
	}
	return !strings.HasPrefix(name, "container:")
}

// hasEndpointMAC reports whether any network gets a MAC address.
func hasEndpointMAC(nc engine.NetworkingConfig) bool {
	for _, ep := range nc.EndpointsConfig {
		if ep != nil && ep.MacAddress != "" {
			return true
		}
	}
	return false
}
