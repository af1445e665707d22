package opts

import (
	"encoding/csv"
	"fmt"
	"strconv"
	"strings"

	"github.com/dockerclone/docker/cli/engine"
)

// ParsePortConfigs parses a service's --publish value: the short form
// [published:]target[/protocol] (ranges expand to one port each), or the
// long form target=,published=,protocol=,mode= (mode ingress or host).
func ParsePortConfigs(spec string) ([]engine.PortConfig, error) {
	if strings.Contains(spec, "=") {
		p, err := parseLongPublish(spec)
		if err != nil {
			return nil, err
		}
		return []engine.PortConfig{p}, nil
	}
	ms, err := parsePortMappings(spec)
	if err != nil {
		return nil, err
	}
	var out []engine.PortConfig
	for _, m := range ms {
		if m.ip != "" {
			return nil, fmt.Errorf("hostip is not supported")
		}
		start, end := 0, 0
		if m.host != "" {
			start, end, _ = parseRange(m.host) // checked by parsePortMappings
		}
		for hp := start; hp <= end; hp++ {
			out = append(out, engine.PortConfig{Protocol: m.proto, TargetPort: uint32(m.port), PublishedPort: uint32(hp), PublishMode: "ingress"})
		}
	}
	return out, nil
}

func parseLongPublish(spec string) (engine.PortConfig, error) {
	p := engine.PortConfig{Protocol: "tcp", PublishMode: "ingress"}
	fields, err := csv.NewReader(strings.NewReader(spec)).Read()
	if err != nil {
		return p, err
	}
	port := func(what, v string) (uint32, error) {
		n, err := strconv.ParseUint(v, 10, 16)
		if err != nil {
			return 0, fmt.Errorf("invalid %s port (%s): value must be an integer: %w", what, v, err.(*strconv.NumError).Err)
		}
		return uint32(n), nil
	}
	hasTarget := false
	for _, f := range fields {
		key, value, ok := strings.Cut(f, "=")
		if !ok {
			return p, fmt.Errorf("invalid field: %s", f)
		}
		switch strings.ToLower(key) {
		case "protocol":
			if value != "tcp" && value != "udp" && value != "sctp" {
				return p, fmt.Errorf("invalid protocol value '%s'", value)
			}
			p.Protocol = value
		case "mode":
			if value != "ingress" && value != "host" {
				return p, fmt.Errorf("invalid publish mode value (%s): must be either 'ingress' or 'host'", value)
			}
			p.PublishMode = value
		case "target":
			if p.TargetPort, err = port("target", value); err != nil {
				return p, err
			}
			hasTarget = true
		case "published":
			if p.PublishedPort, err = port("published", value); err != nil {
				return p, err
			}
		default:
			return p, fmt.Errorf("invalid field key: %s", key)
		}
	}
	if !hasTarget {
		return p, fmt.Errorf("missing mandatory field 'target'")
	}
	return p, nil
}
