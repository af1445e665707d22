package opts

import (
	"encoding/csv"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"

	"github.com/docker/go-units"

	"github.com/dockerclone/docker/cli/engine"
)

// Mounts is a repeatable --mount flag (type "mount") taking CSV key=value
// lists: type=bind,source=/a,target=/b,readonly.
type Mounts struct {
	values []engine.Mount
}

func (m *Mounts) String() string {
	s := make([]string, len(m.values))
	for i, v := range m.values {
		s[i] = v.Type + ":" + v.Source + ":" + v.Target
	}
	return strings.Join(s, ", ")
}

// Type is the name shown in help.
func (m *Mounts) Type() string { return "mount" }

// Values are the parsed mounts.
func (m *Mounts) Values() []engine.Mount { return m.values }

// Set parses one --mount value.
func (m *Mounts) Set(v string) error {
	mt, err := ParseMount(v)
	if err != nil {
		return err
	}
	m.values = append(m.values, mt)
	return nil
}

// ParseMount parses the CSV form of a mount.
func ParseMount(v string) (engine.Mount, error) {
	r := csv.NewReader(strings.NewReader(v))
	fields, err := r.Read()
	if err != nil {
		return engine.Mount{}, err
	}
	mt := engine.Mount{Type: "volume"}
	var bind engine.BindOptions
	var vol engine.VolumeOptions
	var drv engine.MountDriver
	var tmpfs engine.TmpfsOptions
	boolVal := func(key, val string, set bool) (bool, error) {
		if !set {
			return true, nil
		}
		switch strings.ToLower(val) {
		case "1", "true":
			return true, nil
		case "0", "false":
			return false, nil
		}
		return false, fmt.Errorf("invalid value for %s: %s", key, val)
	}
	for _, f := range fields {
		key, val, set := strings.Cut(f, "=")
		key = strings.ToLower(strings.TrimSpace(key))
		switch key {
		case "readonly", "ro", "volume-nocopy", "bind-nonrecursive", "bind-create-mountpoint":
		default:
			if !set {
				return engine.Mount{}, fmt.Errorf("invalid field '%s' must be a key=value pair", f)
			}
		}
		switch key {
		case "type":
			mt.Type = strings.ToLower(val)
		case "source", "src":
			mt.Source = val
		case "target", "dst", "destination":
			mt.Target = val
		case "readonly", "ro":
			if mt.ReadOnly, err = boolVal(key, val, set); err != nil {
				return engine.Mount{}, err
			}
		case "consistency":
			mt.Consistency = strings.ToLower(val)
		case "bind-propagation":
			bind.Propagation = strings.ToLower(val)
		case "bind-nonrecursive":
			if bind.NonRecursive, err = boolVal(key, val, set); err != nil {
				return engine.Mount{}, err
			}
		case "bind-create-mountpoint":
			if bind.CreateMountpoint, err = boolVal(key, val, set); err != nil {
				return engine.Mount{}, err
			}
		case "volume-nocopy":
			if vol.NoCopy, err = boolVal(key, val, set); err != nil {
				return engine.Mount{}, err
			}
		case "volume-label":
			if vol.Labels == nil {
				vol.Labels = map[string]string{}
			}
			k, lv, _ := strings.Cut(val, "=")
			vol.Labels[k] = lv
		case "volume-driver":
			drv.Name = val
		case "volume-opt":
			if drv.Options == nil {
				drv.Options = map[string]string{}
			}
			k, ov, _ := strings.Cut(val, "=")
			drv.Options[k] = ov
		case "volume-subpath":
			vol.Subpath = val
		case "tmpfs-size":
			n, err := units.RAMInBytes(val)
			if err != nil {
				return engine.Mount{}, fmt.Errorf("invalid value for %s: %s", key, val)
			}
			tmpfs.SizeBytes = n
		case "tmpfs-mode":
			n, err := strconv.ParseUint(val, 8, 32)
			if err != nil {
				return engine.Mount{}, fmt.Errorf("invalid value for %s: %s", key, val)
			}
			tmpfs.Mode = os.FileMode(n)
		default:
			return engine.Mount{}, fmt.Errorf("unexpected key '%s' in '%s'", key, f)
		}
	}
	if mt.Target == "" {
		return engine.Mount{}, fmt.Errorf("target is required")
	}
	if drv.Name != "" || drv.Options != nil {
		vol.DriverConfig = &drv
	}
	if bind != (engine.BindOptions{}) {
		if mt.Type != "bind" {
			return engine.Mount{}, fmt.Errorf("cannot mix 'bind-*' options with mount type '%s'", mt.Type)
		}
		mt.BindOptions = &bind
	}
	if vol.NoCopy || vol.Labels != nil || vol.Subpath != "" || vol.DriverConfig != nil {
		if mt.Type != "volume" {
			return engine.Mount{}, fmt.Errorf("cannot mix 'volume-*' options with mount type '%s'", mt.Type)
		}
		mt.VolumeOptions = &vol
	}
	if tmpfs.SizeBytes != 0 || tmpfs.Mode != 0 {
		if mt.Type != "tmpfs" {
			return engine.Mount{}, fmt.Errorf("cannot mix 'tmpfs-*' options with mount type '%s'", mt.Type)
		}
		mt.TmpfsOptions = &tmpfs
	}
	return mt, nil
}

// ParseVolume checks one -v value as the reference does before sending it.
// A value naming a source (host path or volume) and a target is a bind,
// returned with a relative host path ("./x", "../x") made absolute; one
// naming only a container path (and any value of one or two characters) is
// an anonymous volume, returned as typed. Modes and paths are the daemon's
// to check.
func ParseVolume(spec string) (v string, bind bool, err error) {
	if spec == "" {
		return "", false, errors.New("invalid empty volume spec")
	}
	if len(spec) <= 2 {
		return spec, false, nil
	}
	var source, target string
	var section []rune
	runes := []rune(spec)
	for i := 0; i <= len(runes); i++ {
		end := i == len(runes)
		if !end && runes[i] != ':' {
			section = append(section, runes[i])
			continue
		}
		if !end && len(section) == 1 && unicode.IsLetter(section[0]) {
			section = append(section, ':') // a Windows drive letter, not a separator
			continue
		}
		switch {
		case len(section) == 0:
			return "", false, fmt.Errorf("invalid spec: %s: empty section between colons", spec)
		case source == "" && end:
			return spec, false, nil
		case source == "":
			source = string(section)
		case target == "":
			target = string(section)
		case !end:
			return "", false, fmt.Errorf("invalid spec: %s: too many colons", spec)
		}
		section = section[:0]
	}
	host, rest, _ := strings.Cut(spec, ":")
	if strings.HasPrefix(host, ".") {
		if abs, err := filepath.Abs(host); err == nil {
			return abs + ":" + rest, true, nil
		}
	}
	return spec, true, nil
}
