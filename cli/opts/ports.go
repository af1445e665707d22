package opts

import (
	"errors"
	"fmt"
	"net"
	"strconv"
	"strings"

	"github.com/dockerclone/docker/cli/engine"
)

// PortSet are exposed ports ("80/tcp") and their bindings.
type PortSet struct {
	Exposed  map[string]struct{}
	Bindings map[string][]engine.PortBinding
}

// ParsePublish parses --publish values:
// [ip:][hostPort[-end]:]containerPort[-end][/proto], IPv6 addresses in brackets.
func ParsePublish(specs []string) (PortSet, error) {
	ps := PortSet{Exposed: map[string]struct{}{}, Bindings: map[string][]engine.PortBinding{}}
	for _, spec := range specs {
		if err := ps.addPublish(spec); err != nil {
			return ps, err
		}
	}
	return ps, nil
}

func (ps *PortSet) addPublish(spec string) error {
	ms, err := parsePortMappings(spec)
	if err != nil {
		return err
	}
	for _, m := range ms {
		port := strconv.Itoa(m.port) + "/" + m.proto
		ps.Exposed[port] = struct{}{}
		ps.Bindings[port] = append(ps.Bindings[port], engine.PortBinding{HostIP: m.ip, HostPort: m.host})
	}
	return nil
}

// portMapping is one container port of a --publish value and the host
// port ("" for any, a range when one container port takes a host range:
// the daemon picks) it is published on.
type portMapping struct {
	ip, host string
	port     int
	proto    string
}

// parsePortMappings checks the short form of --publish and expands its
// ranges, in order.
func parsePortMappings(spec string) ([]portMapping, error) {
	ip, host, ctr := splitPublish(spec)
	ctr, proto := splitProto(ctr)
	proto = strings.ToLower(proto)
	if strings.HasPrefix(ip, "[") {
		// A bracketed IPv6 address: the last colons were taken as separators.
		h, _, err := net.SplitHostPort(ip + ":")
		if err != nil {
			return nil, fmt.Errorf("invalid IP address %s: %w", ip, err)
		}
		ip = h
	}
	if ip != "" && !isIP(ip) {
		return nil, fmt.Errorf("invalid IP address: %s", ip)
	}
	if ctr == "" {
		return nil, fmt.Errorf("no port specified: %s<empty>", spec)
	}
	cStart, cEnd, err := parseRange(ctr)
	if err != nil {
		return nil, fmt.Errorf("invalid containerPort: %s", ctr)
	}
	var hStart, hEnd int
	if host != "" {
		if hStart, hEnd, err = parseRange(host); err != nil {
			return nil, fmt.Errorf("invalid hostPort: %s", host)
		}
	}
	if host != "" && cEnd-cStart != hEnd-hStart && cEnd != cStart {
		return nil, fmt.Errorf("invalid ranges specified for container and host Ports: %s and %s", ctr, host)
	}
	if proto != "tcp" && proto != "udp" && proto != "sctp" {
		return nil, fmt.Errorf("invalid proto: %s", proto)
	}
	var out []portMapping
	for i := 0; i <= cEnd-cStart; i++ {
		hp := ""
		switch {
		case host == "":
		case cEnd != cStart:
			hp = strconv.Itoa(hStart + i)
		case hEnd != hStart:
			hp = host
		default:
			hp = strconv.Itoa(hStart)
		}
		out = append(out, portMapping{ip: ip, host: hp, port: cStart + i, proto: proto})
	}
	return out, nil
}

// splitPublish cuts [ip:][hostPort:]containerPort at its colons; with more
// than three parts, everything before the last two is the IP.
func splitPublish(spec string) (ip, host, ctr string) {
	parts := strings.Split(spec, ":")
	n := len(parts)
	switch n {
	case 1:
		return "", "", parts[0]
	case 2:
		return "", parts[0], parts[1]
	case 3:
		return parts[0], parts[1], parts[2]
	}
	return strings.Join(parts[:n-2], ":"), parts[n-2], parts[n-1]
}

// splitProto cuts port[/proto]: the protocol is the second slash-separated
// part, as typed (tcp when absent or empty); no port at all gives "".
func splitProto(s string) (port, proto string) {
	parts := strings.Split(s, "/")
	switch {
	case parts[0] == "":
		return "", ""
	case len(parts) == 1, parts[1] == "":
		return parts[0], "tcp"
	}
	return parts[0], parts[1]
}

// ParseExpose adds --expose values (port[-end][/proto]) to the exposed set;
// the protocol is kept as typed.
func ParseExpose(exposed map[string]struct{}, specs []string) error {
	for _, spec := range specs {
		if strings.Contains(spec, ":") {
			return fmt.Errorf("invalid port format for --expose: %s", spec)
		}
		p, proto := splitProto(spec)
		start, end, err := parseRange(p)
		if err != nil {
			return fmt.Errorf("invalid range format for --expose: %s, error: %w", spec, err)
		}
		for i := start; i <= end; i++ {
			exposed[strconv.Itoa(i)+"/"+proto] = struct{}{}
		}
	}
	return nil
}

// parseRange reads port or start-end (anything after a second dash is
// ignored, as the reference does); errors are strconv's.
func parseRange(s string) (start, end int, err error) {
	if s == "" {
		return 0, 0, errors.New("empty string specified for ports")
	}
	a, b, isRange := strings.Cut(s, "-")
	if start, err = parsePort(a); err != nil {
		return 0, 0, err
	}
	end = start
	if isRange {
		b, _, _ = strings.Cut(b, "-")
		if end, err = parsePort(b); err != nil {
			return 0, 0, err
		}
		if end < start {
			return 0, 0, fmt.Errorf("invalid range specified for port: %s", s)
		}
	}
	return start, end, nil
}

func parsePort(s string) (int, error) {
	n, err := strconv.ParseUint(s, 10, 16)
	return int(n), err
}
