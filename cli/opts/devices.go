package opts

import (
	"encoding/csv"
	"fmt"
	"path"
	"strconv"
	"strings"

	"github.com/dockerclone/docker/cli/engine"
)

// ParseDevice reads a --device value, host[:container][:permissions]:
// paths are cleaned (except in the three-part form), the container path must
// be absolute and the permissions are a subset of "rwm". A CDI name goes to
// the daemon as a device request instead (see IsCDIName).
func ParseDevice(v string) (engine.DeviceMapping, error) {
	if strings.Count(v, ":") > 2 || strings.HasPrefix(v, ":") || v == "" {
		return engine.DeviceMapping{}, fmt.Errorf("bad format for path: %s", v)
	}
	parts := strings.Split(v, ":")
	d := engine.DeviceMapping{PathOnHost: parts[0], CgroupPermissions: "rwm"}
	switch len(parts) {
	case 1:
		d.PathOnHost = path.Clean(parts[0])
		d.PathInContainer = d.PathOnHost
	case 2:
		if validDevicePerm(parts[1]) {
			d.PathOnHost = path.Clean(parts[0])
			d.PathInContainer, d.CgroupPermissions = d.PathOnHost, parts[1]
		} else {
			d.PathInContainer = path.Clean(parts[1])
		}
	case 3:
		if !validDevicePerm(parts[2]) {
			return d, fmt.Errorf("bad mode specified: %s", parts[2])
		}
		d.PathInContainer, d.CgroupPermissions = parts[1], parts[2]
	}
	if !path.IsAbs(d.PathInContainer) {
		return d, fmt.Errorf("%s is not an absolute path", d.PathInContainer)
	}
	return d, nil
}

// validDevicePerm: one or more of r, w, m, each at most once.
func validDevicePerm(p string) bool {
	if p == "" {
		return false
	}
	seen := map[rune]bool{}
	for _, c := range p {
		if !strings.ContainsRune("rwm", c) || seen[c] {
			return false
		}
		seen[c] = true
	}
	return true
}

// IsCDIName reports whether a --device value is a CDI device name,
// vendor/class=name.
func IsCDIName(v string) bool {
	vendor, rest, ok := strings.Cut(v, "/")
	if !ok {
		return false
	}
	class, name, ok := strings.Cut(rest, "=")
	return ok && cdiPart(vendor, "._-") && cdiPart(class, "_-") && cdiPart(name, "_.:-") && !strings.Contains(name, "/")
}

// cdiPart: starts with a letter (any alphanumeric for names, which pass
// ":" among their extra characters), ends alphanumeric, and otherwise uses
// letters, digits and extra.
func cdiPart(s, extra string) bool {
	if len(s) < 2 {
		return false
	}
	isAlnum := func(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' }
	isLetter := func(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
	first := isLetter(s[0])
	if strings.Contains(extra, ":") {
		first = isAlnum(s[0])
	}
	if !first || !isAlnum(s[len(s)-1]) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isAlnum(s[i]) && !strings.ContainsRune(extra, rune(s[i])) {
			return false
		}
	}
	return true
}

// deviceLimit splits a per-device limit, /dev/path:value.
func deviceLimit(v string) (path, value string, err error) {
	path, value, ok := strings.Cut(v, ":")
	if !ok || !strings.HasPrefix(path, "/dev/") {
		return "", "", fmt.Errorf("bad format: %s", v)
	}
	return path, value, nil
}

// ParseWeightDevice reads a --blkio-weight-device value, /dev/path:weight
// with a weight from 10 to 1000 (0 disables).
func ParseWeightDevice(v string) (*engine.WeightDevice, error) {
	path, w, err := deviceLimit(v)
	if err != nil {
		return nil, err
	}
	n, err := strconv.ParseUint(w, 10, 16)
	if err != nil || (n > 0 && (n < 10 || n > 1000)) {
		return nil, fmt.Errorf("invalid weight for device: %s", v)
	}
	return &engine.WeightDevice{Path: path, Weight: uint16(n)}, nil
}

// ParseThrottleBps reads a --device-{read,write}-bps value,
// /dev/path:rate[unit] (kb, mb, gb: binary multiples).
func ParseThrottleBps(v string) (*engine.ThrottleDevice, error) {
	path, r, err := deviceLimit(v)
	if err != nil {
		return nil, err
	}
	var m MemBytes
	if err := m.Set(r); err != nil || m < 0 {
		return nil, fmt.Errorf("invalid rate for device: %s. The correct format is <device-path>:<number>[<unit>]. Number must be a positive integer. Unit is optional and can be kb, mb, or gb", v)
	}
	return &engine.ThrottleDevice{Path: path, Rate: uint64(m)}, nil
}

// ParseThrottleIOps reads a --device-{read,write}-iops value, /dev/path:rate.
func ParseThrottleIOps(v string) (*engine.ThrottleDevice, error) {
	path, r, err := deviceLimit(v)
	if err != nil {
		return nil, err
	}
	n, err := strconv.ParseUint(r, 10, 64)
	if err != nil {
		return nil, fmt.Errorf("invalid rate for device: %s. The correct format is <device-path>:<number>. Number must be a positive integer", v)
	}
	return &engine.ThrottleDevice{Path: path, Rate: n}, nil
}

// Gpus is the --gpus flag (type "gpu-request"): "all", a count, or
// CSV keys count=, device=, driver=, capabilities=.
type Gpus struct {
	values []engine.DeviceRequest
}

func (g *Gpus) String() string { return "" }

// Type is the name shown in help.
func (g *Gpus) Type() string { return "gpu-request" }

// Values are the requests.
func (g *Gpus) Values() []engine.DeviceRequest { return g.values }

// Set parses one --gpus value.
func (g *Gpus) Set(v string) error {
	fields, err := csv.NewReader(strings.NewReader(v)).Read()
	if err != nil {
		return err
	}
	req := engine.DeviceRequest{Capabilities: [][]string{{"gpu"}}}
	seenCount := false
	for _, f := range fields {
		key, val, ok := strings.Cut(f, "=")
		if !ok {
			key, val = "count", f
		}
		switch key {
		case "count":
			seenCount = true
			if val == "all" {
				req.Count = -1
			} else if req.Count, err = strconv.Atoi(val); err != nil {
				return fmt.Errorf("invalid count (%s): value must be either \"all\" or an integer", val)
			}
		case "device":
			req.DeviceIDs = strings.Split(val, ",")
		case "driver":
			req.Driver = val
		case "capabilities":
			req.Capabilities = [][]string{append(strings.Split(val, ","), "gpu")}
		case "options":
			return fmt.Errorf("GPU options are not supported yet")
		default:
			return fmt.Errorf("unexpected key '%s' in '%s'", key, f)
		}
	}
	if !seenCount && req.DeviceIDs == nil {
		req.Count = 1
	}
	g.values = append(g.values, req)
	return nil
}
