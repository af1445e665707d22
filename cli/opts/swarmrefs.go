package opts

import (
	"encoding/csv"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/dockerclone/docker/cli/engine"
)

// FileRef is one --secret or --config of a service: the object's name and
// the file it appears as (target, owner and mode; the target defaults to
// the name, the owner to root, the mode to 0444).
type FileRef struct {
	Source string
	File   engine.FileTarget
}

// ParseFileRef returns the parser of --secret (kind "secret") or --config
// values: a bare name, or source=,target=,uid=,gid=,mode= .
func ParseFileRef(kind string) func(string) (FileRef, error) {
	return func(v string) (FileRef, error) {
		ref := FileRef{File: engine.FileTarget{UID: "0", GID: "0", Mode: 0o444}}
		fields, err := csv.NewReader(strings.NewReader(v)).Read()
		if err != nil {
			return ref, err
		}
		if len(fields) == 1 && !strings.Contains(fields[0], "=") {
			ref.Source, ref.File.Name = fields[0], fields[0]
			return ref, nil
		}
		for _, f := range fields {
			key, value, ok := strings.Cut(f, "=")
			if !ok {
				return ref, fmt.Errorf("invalid field '%s' must be a key=value pair", f)
			}
			switch strings.ToLower(key) {
			case "source", "src":
				ref.Source = value
			case "target":
				ref.File.Name = value
			case "uid":
				ref.File.UID = value
			case "gid":
				ref.File.GID = value
			case "mode":
				m, err := strconv.ParseUint(value, 0, 32)
				if err != nil {
					return ref, fmt.Errorf("invalid mode specified: %w", err)
				}
				ref.File.Mode = uint32(m)
			default:
				return ref, fmt.Errorf("invalid field in %s request: %s", kind, key)
			}
		}
		if ref.Source == "" {
			return ref, errors.New("source is required")
		}
		if ref.File.Name == "" {
			ref.File.Name = ref.Source
		}
		return ref, nil
	}
}

// ParsePlacementPref parses --placement-pref, "spread=<node label>".
func ParsePlacementPref(v string) (engine.PlacementPreference, error) {
	strategy, arg, ok := strings.Cut(v, "=")
	if !ok {
		return engine.PlacementPreference{}, errors.New(`placement preference must be of the format "<strategy>=<arg>"`)
	}
	if !strings.EqualFold(strategy, "spread") {
		return engine.PlacementPreference{}, fmt.Errorf("unsupported placement preference %s (only spread is supported)", strategy)
	}
	return engine.PlacementPreference{Spread: &engine.SpreadOver{SpreadDescriptor: arg}}, nil
}

// ValidateGenericResource checks that a --generic-resource is name=value.
func ValidateGenericResource(v string) (string, error) {
	if k, _, ok := strings.Cut(v, "="); !ok || strings.ContainsAny(k, " \t") {
		return "", fmt.Errorf("invalid generic-resource format `%s` expected `name=value`", v)
	}
	return v, nil
}

// GenericResource turns a checked name=count into a discrete resource; a
// named resource (a value that is not a count) is refused, as services
// cannot ask for one.
func GenericResource(v string) (engine.GenericResource, error) {
	kind, value, _ := strings.Cut(v, "=")
	n, err := strconv.ParseInt(value, 10, 64)
	if err != nil {
		return engine.GenericResource{}, fmt.Errorf("invalid generic-resource request `%s`, Named Generic Resources is not supported for service create or update", v)
	}
	return engine.GenericResource{DiscreteResourceSpec: &engine.DiscreteGenericResource{Kind: kind, Value: n}}, nil
}

// NormalizeCapability names a capability as the daemon does:
// "CAP_NET_ADMIN" (for "net_admin"), or "ALL".
func NormalizeCapability(c string) string {
	c = strings.ToUpper(strings.TrimSpace(c))
	if c == "ALL" || strings.HasPrefix(c, "CAP_") {
		return c
	}
	return "CAP_" + c
}
