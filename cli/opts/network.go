package opts

import (
	"encoding/csv"
	"fmt"
	"strconv"
	"strings"
)

// NetworkAttachment is one --network value: a bare name, or the advanced
// CSV form name=N,alias=A,ip=...,ip6=...,mac-address=...,driver-opt=k=v.
type NetworkAttachment struct {
	Target     string
	Aliases    []string
	DriverOpts map[string]string
	IPv4       string
	IPv6       string
	MacAddress string
	LinkLocal  []string
	GwPriority int
	Links      []string // set from --link for a user-defined primary network
}

// Networks is a repeatable --network flag (type "network").
type Networks struct {
	values []NetworkAttachment
}

func (n *Networks) String() string { return "" }

// Type is the name shown in help.
func (n *Networks) Type() string { return "network" }

// Values are the attachments in order; the first one is the primary network.
func (n *Networks) Values() []NetworkAttachment { return n.values }

// Set parses one --network value.
func (n *Networks) Set(v string) error {
	if !strings.Contains(v, "=") {
		n.values = append(n.values, NetworkAttachment{Target: v})
		return nil
	}
	fields, err := csv.NewReader(strings.NewReader(v)).Read()
	if err != nil {
		return err
	}
	var a NetworkAttachment
	for _, f := range fields {
		key, val, ok := strings.Cut(f, "=")
		if !ok {
			return fmt.Errorf("invalid field '%s' must be a key=value pair", f)
		}
		switch strings.ToLower(strings.TrimSpace(key)) {
		case "name":
			a.Target = val
		case "alias":
			a.Aliases = append(a.Aliases, val)
		case "ip":
			a.IPv4 = val
		case "ip6":
			a.IPv6 = val
		case "mac-address":
			a.MacAddress = val
		case "link-local-ip":
			a.LinkLocal = append(a.LinkLocal, val)
		case "driver-opt":
			k, dv, ok := strings.Cut(val, "=")
			if !ok {
				return fmt.Errorf("invalid key value pair format in driver options")
			}
			if a.DriverOpts == nil {
				a.DriverOpts = map[string]string{}
			}
			a.DriverOpts[k] = dv
		case "gw-priority":
			p, err := strconv.Atoi(val)
			if err != nil {
				return fmt.Errorf("invalid gw-priority: %s", val)
			}
			a.GwPriority = p
		default:
			return fmt.Errorf("invalid field key %s", key)
		}
	}
	if a.Target == "" {
		return fmt.Errorf("network name not specified")
	}
	n.values = append(n.values, a)
	return nil
}
