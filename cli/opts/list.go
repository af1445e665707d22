// Package opts holds pflag value types for flags that take structured input:
// repeatable lists, key=value maps, ports, mounts, sizes and CPU counts.
// Validation happens in Set, so a bad value is a usage error (exit 125).
package opts

import (
	"errors"
	"fmt"
	"net"
	"strings"
)

// Validator checks (and may normalize) one value of a list flag.
type Validator func(string) (string, error)

// Checks makes a list validator of a parser: the value is kept as typed
// and parsed again when the request is built.
func Checks[T any](parse func(string) (T, error)) Validator {
	return func(v string) (string, error) {
		_, err := parse(v)
		return v, err
	}
}

// List is a repeatable flag collecting strings in order (type name "list").
type List struct {
	values    []string
	validate  Validator
	showEmpty bool
}

// NewList returns an empty list whose values pass validate (nil accepts all).
func NewList(validate Validator) *List { return &List{validate: validate} }

// NewListShowEmpty is a list whose help shows "(default [])", as the
// reference does for its device throttling lists.
func NewListShowEmpty(validate Validator) *List {
	return &List{validate: validate, showEmpty: true}
}

func (l *List) String() string {
	if len(l.values) == 0 && !l.showEmpty {
		return ""
	}
	return fmt.Sprintf("%v", l.values)
}

// Set validates and appends v.
func (l *List) Set(v string) error {
	if l.validate != nil {
		nv, err := l.validate(v)
		if err != nil {
			return err
		}
		v = nv
	}
	l.values = append(l.values, v)
	return nil
}

// Type is the name shown in help.
func (l *List) Type() string { return "list" }

// Values returns the collected values (nil when none).
func (l *List) Values() []string { return l.values }

// Len is the number of values.
func (l *List) Len() int { return len(l.values) }

// Map is a repeatable key=value flag (type name "map").
type Map struct {
	values   map[string]string
	validate Validator
}

// NewMap returns an empty map flag; validate sees each raw "k=v".
func NewMap(validate Validator) *Map { return &Map{values: map[string]string{}, validate: validate} }

func (m *Map) String() string { return fmt.Sprintf("%v", m.values) }

// Set parses "k=v" ("k" alone maps to "").
func (m *Map) Set(v string) error {
	if m.validate != nil {
		nv, err := m.validate(v)
		if err != nil {
			return err
		}
		v = nv
	}
	k, val, _ := strings.Cut(v, "=")
	m.values[k] = val
	return nil
}

// Type is the name shown in help.
func (m *Map) Type() string { return "map" }

// Values returns the map (never nil).
func (m *Map) Values() map[string]string { return m.values }

// ValidateLabel rejects a label without a name.
func ValidateLabel(v string) (string, error) {
	if k, _, _ := strings.Cut(v, "="); strings.TrimSpace(k) == "" {
		return "", fmt.Errorf("invalid label '%s': empty name", v)
	}
	return v, nil
}

// ValidateExtraHost checks "host:ip" or "host=ip" and returns "host:ip".
// The address may be an IPv4/IPv6 literal (IPv6 optionally in brackets) or
// the special "host-gateway".
func ValidateExtraHost(v string) (string, error) {
	host, ip, ok := strings.Cut(v, "=")
	if !ok {
		host, ip, ok = strings.Cut(v, ":")
	}
	if !ok || host == "" || ip == "" {
		return "", fmt.Errorf("bad format for add-host: %q", v)
	}
	if ip != "host-gateway" {
		addr := strings.TrimSuffix(strings.TrimPrefix(ip, "["), "]")
		if !isIP(addr) {
			return "", fmt.Errorf("invalid IP address in add-host: %q", ip)
		}
		ip = addr
	}
	return host + ":" + ip, nil
}

// ValidateIPAddress checks an IPv4 or IPv6 literal (as --dns wants it) and
// returns it in canonical form.
func ValidateIPAddress(v string) (string, error) {
	if ip := net.ParseIP(strings.TrimSpace(v)); ip != nil {
		return ip.String(), nil
	}
	return "", fmt.Errorf("IP address is not correctly formatted: %s", v)
}

// ValidateLink checks name[:alias]; the value is kept as typed.
func ValidateLink(v string) (string, error) {
	if v == "" {
		return "", errors.New("empty string specified for links")
	}
	if strings.Count(v, ":") > 1 {
		return "", fmt.Errorf("bad format for links: %s", v)
	}
	return v, nil
}

// KeyValueMap turns "key=value" (or bare "key") entries into a map, never
// nil: the swarm APIs are sent "Labels":{} when there are none.
func KeyValueMap(values []string) map[string]string {
	m := make(map[string]string, len(values))
	for _, v := range values {
		k, val, _ := strings.Cut(v, "=")
		m[k] = val
	}
	return m
}
