package opts

import (
	"encoding/csv"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/docker/go-units"
)

// Mount is one --mount value in the API's shape (HostConfig.Mounts).
type Mount struct {
	Type          string         `json:",omitempty"`
	Source        string         `json:",omitempty"`
	Target        string         `json:",omitempty"`
	ReadOnly      bool           `json:",omitempty"`
	Consistency   string         `json:",omitempty"`
	BindOptions   *BindOptions   `json:",omitempty"`
	VolumeOptions *VolumeOptions `json:",omitempty"`
	TmpfsOptions  *TmpfsOptions  `json:",omitempty"`
}

// BindOptions are the bind-* keys.
type BindOptions struct {
	Propagation      string `json:",omitempty"`
	NonRecursive     bool   `json:",omitempty"`
	CreateMountpoint bool   `json:",omitempty"`
}

// VolumeOptions are the volume-* keys.
type VolumeOptions struct {
	NoCopy       bool              `json:",omitempty"`
	Labels       map[string]string `json:",omitempty"`
	Subpath      string            `json:",omitempty"`
	DriverConfig *Driver           `json:",omitempty"`
}

// Driver names a volume driver and its options.
type Driver struct {
	Name    string            `json:",omitempty"`
	Options map[string]string `json:",omitempty"`
}

// TmpfsOptions are the tmpfs-* keys.
type TmpfsOptions struct {
	SizeBytes int64       `json:",omitempty"`
	Mode      os.FileMode `json:",omitempty"`
}

// Mounts is a repeatable --mount flag (type "mount") taking CSV key=value
// lists: type=bind,source=/a,target=/b,readonly.
type Mounts struct {
	values []Mount
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
func (m *Mounts) Values() []Mount { return m.values }

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
func ParseMount(v string) (Mount, error) {
	r := csv.NewReader(strings.NewReader(v))
	fields, err := r.Read()
	if err != nil {
		return Mount{}, err
	}
	mt := Mount{Type: "volume"}
	var bind BindOptions
	var vol VolumeOptions
	var drv Driver
	var tmpfs TmpfsOptions
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
				return Mount{}, fmt.Errorf("invalid field '%s' must be a key=value pair", f)
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
				return Mount{}, err
			}
		case "consistency":
			mt.Consistency = strings.ToLower(val)
		case "bind-propagation":
			bind.Propagation = strings.ToLower(val)
		case "bind-nonrecursive":
			if bind.NonRecursive, err = boolVal(key, val, set); err != nil {
				return Mount{}, err
			}
		case "bind-create-mountpoint":
			if bind.CreateMountpoint, err = boolVal(key, val, set); err != nil {
				return Mount{}, err
			}
		case "volume-nocopy":
			if vol.NoCopy, err = boolVal(key, val, set); err != nil {
				return Mount{}, err
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
				return Mount{}, fmt.Errorf("invalid value for %s: %s", key, val)
			}
			tmpfs.SizeBytes = n
		case "tmpfs-mode":
			n, err := strconv.ParseUint(val, 8, 32)
			if err != nil {
				return Mount{}, fmt.Errorf("invalid value for %s: %s", key, val)
			}
			tmpfs.Mode = os.FileMode(n)
		default:
			return Mount{}, fmt.Errorf("unexpected key '%s' in '%s'", key, f)
		}
	}
	if mt.Target == "" {
		return Mount{}, fmt.Errorf("target is required")
	}
	if drv.Name != "" || drv.Options != nil {
		vol.DriverConfig = &drv
	}
	if bind != (BindOptions{}) {
		if mt.Type != "bind" {
			return Mount{}, fmt.Errorf("cannot mix 'bind-*' options with mount type '%s'", mt.Type)
		}
		mt.BindOptions = &bind
	}
	if vol.NoCopy || vol.Labels != nil || vol.Subpath != "" || vol.DriverConfig != nil {
		if mt.Type != "volume" {
			return Mount{}, fmt.Errorf("cannot mix 'volume-*' options with mount type '%s'", mt.Type)
		}
		mt.VolumeOptions = &vol
	}
	if tmpfs != (TmpfsOptions{}) {
		if mt.Type != "tmpfs" {
			return Mount{}, fmt.Errorf("cannot mix 'tmpfs-*' options with mount type '%s'", mt.Type)
		}
		mt.TmpfsOptions = &tmpfs
	}
	return mt, nil
}
