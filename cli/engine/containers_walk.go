package engine

import (
	"bytes"
	"encoding/json"
	"io"
)

// decodeContainers decodes the reply of GET /containers/json. A list of
// hundreds of containers is read in one pass (walkContainers) when it has
// the plain shape daemons write; anything else, and a reply cut by a read
// error, is decoded by encoding/json exactly as before.
func decodeContainers(body io.Reader) ([]Container, error) {
	var buf bytes.Buffer
	_, readErr := buf.ReadFrom(body)
	data := buf.Bytes()
	if readErr == nil {
		if list, ok := walkContainers(data); ok {
			return list, nil
		}
	}
	var out []Container
	src := io.MultiReader(bytes.NewReader(data), errReader{readErr})
	// The decode error is reported bare, as the reference does ("EOF").
	return out, json.NewDecoder(src).Decode(&out)
}

// errReader gives err (io.EOF when nil) where the body stopped.
type errReader struct{ err error }

func (r errReader) Read([]byte) (int, error) {
	if r.err == nil {
		return 0, io.EOF
	}
	return 0, r.err
}

// The JSON names of the fields of each type, as encoding/json matches them.
var (
	containerKeys = []string{"Id", "Names", "Image", "ImageID", "Command", "Created", "Ports", "SizeRw",
		"SizeRootFs", "Labels", "State", "Status", "HostConfig", "NetworkSettings", "Mounts", "ImageManifestDescriptor"}
	portKeys       = []string{"IP", "PrivatePort", "PublicPort", "Type"}
	mountKeys      = []string{"Type", "Name", "Source", "Destination", "Driver", "Mode", "RW", "Propagation"}
	hostConfigKeys = []string{"NetworkMode"}
	networksKeys   = []string{"Networks"}
	descriptorKeys = []string{"platform"}
	platformKeys   = []string{"architecture", "os", "os.version", "os.features", "variant"}
)

// walkContainers reads a reply into the list encoding/json would make of
// it, or reports false.
func walkContainers(data []byte) ([]Container, bool) {
	w := &jsonWalk{b: data}
	// A daemon's entry takes 600 bytes or more: room for all of them at once.
	list := make([]Container, 0, len(data)/512+1)
	ok := w.array(func() bool {
		list = append(list, Container{})
		return w.container(&list[len(list)-1])
	})
	return list, ok && w.end()
}

func (w *jsonWalk) container(c *Container) bool {
	return w.fields(containerKeys, func(key string) (ok bool) {
		switch key {
		case "Id":
			c.ID, ok = w.str()
		case "Names":
			c.Names, ok = w.strings()
		case "Image":
			c.Image, ok = w.shared()
		case "ImageID":
			c.ImageID, ok = w.shared()
		case "Command":
			c.Command, ok = w.shared()
		case "Created":
			c.Created, ok = w.int64()
		case "Ports":
			c.Ports = []Port{}
			ok = w.array(func() bool {
				c.Ports = append(c.Ports, Port{})
				return w.port(&c.Ports[len(c.Ports)-1])
			})
		case "SizeRw":
			c.SizeRw, ok = w.int64()
		case "SizeRootFs":
			c.SizeRootFs, ok = w.int64()
		case "Labels":
			c.Labels = map[string]string{}
			ok = w.object(nil, func(k string) bool {
				v, ok := w.str()
				c.Labels[k] = v
				return ok
			})
		case "State":
			c.State, ok = w.shared()
		case "Status":
			c.Status, ok = w.shared()
		case "HostConfig":
			ok = w.fields(hostConfigKeys, func(string) (ok bool) {
				c.HostConfig.NetworkMode, ok = w.shared()
				return ok
			})
		case "NetworkSettings":
			c.NetworkSettings = &struct{ Networks map[string]skipped }{}
			ok = w.fields(networksKeys, func(string) bool {
				names := map[string]skipped{}
				c.NetworkSettings.Networks = names
				return w.object(nil, func(name string) bool {
					names[name] = skipped{}
					return w.skip()
				})
			})
		case "Mounts":
			c.Mounts = []MountPoint{}
			ok = w.array(func() bool {
				c.Mounts = append(c.Mounts, MountPoint{})
				return w.mount(&c.Mounts[len(c.Mounts)-1])
			})
		case "ImageManifestDescriptor":
			c.ImageManifestDescriptor = &struct {
				Platform *Platform `json:"platform,omitempty"`
			}{}
			ok = w.fields(descriptorKeys, func(string) bool {
				c.ImageManifestDescriptor.Platform = &Platform{}
				return w.platform(c.ImageManifestDescriptor.Platform)
			})
		}
		return ok
	})
}

// strings reads an array of strings (none of them null).
func (w *jsonWalk) strings() ([]string, bool) {
	out := []string{}
	ok := w.array(func() bool {
		s, ok := w.str()
		out = append(out, s)
		return ok
	})
	return out, ok
}

func (w *jsonWalk) port(p *Port) bool {
	return w.fields(portKeys, func(key string) (ok bool) {
		switch key {
		case "IP":
			p.IP, ok = w.shared()
		case "PrivatePort":
			p.PrivatePort, ok = w.uint16()
		case "PublicPort":
			p.PublicPort, ok = w.uint16()
		case "Type":
			p.Type, ok = w.shared()
		}
		return ok
	})
}

func (w *jsonWalk) mount(m *MountPoint) bool {
	return w.fields(mountKeys, func(key string) (ok bool) {
		switch key {
		case "Type":
			m.Type, ok = w.shared()
		case "Name":
			m.Name, ok = w.str()
		case "Source":
			m.Source, ok = w.str()
		case "Destination":
			m.Destination, ok = w.str()
		case "Driver":
			m.Driver, ok = w.shared()
		case "Mode":
			m.Mode, ok = w.shared()
		case "RW":
			m.RW, ok = w.bool()
		case "Propagation":
			m.Propagation, ok = w.shared()
		}
		return ok
	})
}

func (w *jsonWalk) platform(p *Platform) bool {
	return w.fields(platformKeys, func(key string) (ok bool) {
		switch key {
		case "architecture":
			p.Architecture, ok = w.str()
		case "os":
			p.OS, ok = w.str()
		case "os.version":
			p.OSVersion, ok = w.str()
		case "os.features":
			p.OSFeatures, ok = w.strings()
		case "variant":
			p.Variant, ok = w.str()
		}
		return ok
	})
}
