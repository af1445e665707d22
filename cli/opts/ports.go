package opts

import (
	"fmt"
	"strconv"
	"strings"
)

// PortBinding is where a container port is published on the host.
type PortBinding struct {
	HostIP   string `json:"HostIp"`
	HostPort string
}

// PortSet are exposed ports ("80/tcp") and their bindings.
type PortSet struct {
	Exposed  map[string]struct{}
	Bindings map[string][]PortBinding
}

// ParsePublish parses --publish values:
// [ip:][hostPort[-end]:]containerPort[-end][/proto], IPv6 addresses in brackets.
func ParsePublish(specs []string) (PortSet, error) {
	ps := PortSet{Exposed: map[string]struct{}{}, Bindings: map[string][]PortBinding{}}
	for _, spec := range specs {
		if err := ps.addPublish(spec); err != nil {
			return ps, err
		}
	}
	return ps, nil
}

func (ps *PortSet) addPublish(spec string) error {
	rest, proto := spec, "tcp"
	if i := strings.LastIndexByte(spec, '/'); i >= 0 {
		rest, proto = spec[:i], strings.ToLower(spec[i+1:])
	}
	if proto != "tcp" && proto != "udp" && proto != "sctp" {
		return fmt.Errorf("invalid proto: %s", proto)
	}
	var ip, host, ctr string
	if strings.HasPrefix(rest, "[") {
		end := strings.Index(rest, "]")
		if end < 0 {
			return fmt.Errorf("invalid IP address: %s", rest)
		}
		ip, rest = rest[1:end], strings.TrimPrefix(rest[end+1:], ":")
		parts := strings.Split(rest, ":")
		if len(parts) != 2 {
			return fmt.Errorf("invalid port format for --publish: %s", spec)
		}
		host, ctr = parts[0], parts[1]
	} else {
		parts := strings.Split(rest, ":")
		switch len(parts) {
		case 1:
			ctr = parts[0]
		case 2:
			host, ctr = parts[0], parts[1]
		case 3:
			ip, host, ctr = parts[0], parts[1], parts[2]
		default:
			ip = strings.Join(parts[:len(parts)-2], ":")
			host, ctr = parts[len(parts)-2], parts[len(parts)-1]
		}
	}
	if ip != "" && !isIP(ip) {
		return fmt.Errorf("invalid IP address: %s", ip)
	}
	if ctr == "" {
		return fmt.Errorf("no port specified: %s<empty>", spec)
	}
	cStart, cEnd, err := parseRange(ctr)
	if err != nil {
		return fmt.Errorf("invalid containerPort: %s", ctr)
	}
	var hStart, hEnd int
	if host != "" {
		if hStart, hEnd, err = parseRange(host); err != nil {
			return fmt.Errorf("invalid hostPort: %s", host)
		}
	}
	if host != "" && cEnd-cStart != hEnd-hStart && cEnd != cStart {
		return fmt.Errorf("invalid ranges specified for container and host Ports: %s and %s", ctr, host)
	}
	for i := 0; i <= cEnd-cStart; i++ {
		port := strconv.Itoa(cStart+i) + "/" + proto
		hp := ""
		switch {
		case host == "":
		case cEnd != cStart:
			hp = strconv.Itoa(hStart + i)
		case hEnd != hStart:
			hp = host // one container port, a host range: the daemon picks
		default:
			hp = strconv.Itoa(hStart)
		}
		ps.Exposed[port] = struct{}{}
		ps.Bindings[port] = append(ps.Bindings[port], PortBinding{HostIP: ip, HostPort: hp})
	}
	return nil
}

// ParseExpose adds --expose values (port[-end][/proto]) to the exposed set.
func ParseExpose(exposed map[string]struct{}, specs []string) error {
	for _, spec := range specs {
		p, proto, ok := strings.Cut(spec, "/")
		if !ok {
			proto = "tcp"
		}
		if strings.Contains(spec, ":") {
			return fmt.Errorf("invalid port format for --expose: %s", spec)
		}
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

func parseRange(s string) (start, end int, err error) {
	a, b, isRange := strings.Cut(s, "-")
	start, err = parsePort(a)
	if err != nil {
		return 0, 0, err
	}
	end = start
	if isRange {
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
	if err != nil {
		return 0, fmt.Errorf("invalid port: %s", s)
	}
	return int(n), nil
}
