package container

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"sort"
	"strings"
	"text/template"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/format"
)

// inspectWriter renders `inspect` output: by default the daemon's objects,
// key order kept, as one JSON array indented by four spaces; with `json` the
// same array compact on one line; with a template, the template's output per
// object followed by a newline.
//
// It is self-contained so that it can move down into cli/ when image inspect
// needs it.
type inspectWriter struct {
	out     io.Writer
	tmpl    *template.Template // nil unless a template was given
	compact bool
	raws    [][]byte
	buf     bytes.Buffer
	order   inspectOrder
}

// newInspectWriter parses the --format value; a template that does not parse
// fails with exit 64 before any request, like the reference.
func newInspectWriter(out io.Writer, spec string) (*inspectWriter, error) {
	w := &inspectWriter{out: out}
	switch spec {
	case "":
	case "json":
		w.compact = true
	default:
		tmpl, err := format.ParseTemplate("", spec)
		if err != nil {
			return nil, cli.Errorf(64, "template parsing error: %v", err)
		}
		w.order = inspectOrder{}
		// Objects are maps here; json keeps the daemon's key order.
		w.tmpl = tmpl.Funcs(template.FuncMap{"json": w.order.json}).Option("missingkey=error")
	}
	return w, nil
}

// Add renders one object, given as the daemon's raw JSON. A template that
// fails on it adds nothing and returns the error for the caller to report.
func (w *inspectWriter) Add(raw []byte, kind string) error {
	if w.tmpl == nil {
		w.raws = append(w.raws, raw)
		return nil
	}
	clear(w.order) // maps of earlier objects are gone; their addresses may be reused
	v, err := w.order.decode(raw)
	if err != nil {
		return fmt.Errorf("unable to read inspect data: %w", err)
	}
	if kind == "container" {
		inspectContainerDefaults(v)
	}
	var out bytes.Buffer
	if err := w.tmpl.Execute(&out, v); err != nil {
		return fmt.Errorf("template parsing error: %w", err)
	}
	w.buf.Write(out.Bytes())
	w.buf.WriteByte('\n')
	return nil
}

// Flush writes the output; with nothing found it is "[]" (or an empty line
// for a template).
func (w *inspectWriter) Flush() error {
	if w.tmpl != nil {
		if w.buf.Len() == 0 {
			w.buf.WriteByte('\n')
		}
		_, err := w.out.Write(w.buf.Bytes())
		return err
	}
	if len(w.raws) == 0 {
		_, err := io.WriteString(w.out, "[]\n")
		return err
	}
	var all bytes.Buffer
	all.WriteByte('[')
	for i, r := range w.raws {
		if i > 0 {
			all.WriteByte(',')
		}
		all.Write(bytes.TrimSpace(r))
	}
	all.WriteByte(']')
	var out bytes.Buffer
	var err error
	if w.compact {
		err = json.Compact(&out, all.Bytes())
	} else {
		err = json.Indent(&out, all.Bytes(), "", "    ")
	}
	if err != nil {
		return fmt.Errorf("unable to read inspect data: %w", err)
	}
	out.WriteByte('\n')
	_, err = w.out.Write(out.Bytes())
	return err
}

// inspectOrder remembers the key order of every object it decoded, so that
// {{json .State}} prints the keys as the daemon sent them rather than sorted.
type inspectOrder map[uintptr][]string

// decode reads one JSON value: objects become map[string]any, numbers
// json.Number (so large integers print whole), and a null becomes a typed
// nil that prints as the reference's typed field would ("[]", "map[]",
// "<nil>").
func (o inspectOrder) decode(raw []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	return o.value(dec, "")
}

func (o inspectOrder) value(dec *json.Decoder, key string) (any, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		if t == '[' {
			list := []any{}
			for dec.More() {
				v, err := o.value(dec, "")
				if err != nil {
					return nil, err
				}
				list = append(list, v)
			}
			_, err := dec.Token()
			return list, err
		}
		m := map[string]any{}
		var keys []string
		for dec.More() {
			kt, err := dec.Token()
			if err != nil {
				return nil, err
			}
			k, _ := kt.(string)
			v, err := o.value(dec, k)
			if err != nil {
				return nil, err
			}
			if _, dup := m[k]; !dup {
				keys = append(keys, k)
			}
			m[k] = v
		}
		o[reflect.ValueOf(m).Pointer()] = keys
		_, err := dec.Token()
		return m, err
	case nil:
		return inspectNull(key), nil
	default:
		return t, nil
	}
}

// Fields that are lists or maps in the reference's types; any other null is
// a nil pointer there.
var (
	inspectListKeys = map[string]bool{
		"Args": true, "ExecIDs": true, "Binds": true, "VolumesFrom": true, "CapAdd": true, "CapDrop": true,
		"Dns": true, "DnsOptions": true, "DnsSearch": true, "ExtraHosts": true, "GroupAdd": true, "Links": true,
		"SecurityOpt": true, "DeviceCgroupRules": true, "DeviceRequests": true, "Ulimits": true, "Devices": true,
		"BlkioWeightDevice": true, "BlkioDeviceReadBps": true, "BlkioDeviceWriteBps": true,
		"BlkioDeviceReadIOps": true, "BlkioDeviceWriteIOps": true, "MaskedPaths": true, "ReadonlyPaths": true,
		"Mounts": true, "Env": true, "Cmd": true, "Entrypoint": true, "OnBuild": true, "Shell": true,
		"SecondaryIPAddresses": true, "SecondaryIPv6Addresses": true, "Aliases": true, "DNSNames": true,
		"RepoTags": true, "RepoDigests": true, "Layers": true, "Config": true,
	}
	inspectMapKeys = map[string]bool{
		"Labels": true, "Volumes": true, "ExposedPorts": true, "PortBindings": true, "Ports": true,
		"Options": true, "DriverOpts": true, "Sysctls": true, "Tmpfs": true, "StorageOpt": true,
		"Annotations": true, "Data": true, "Networks": true, "Containers": true, "Status": true,
	}
)

func inspectNull(key string) any {
	switch {
	case inspectListKeys[key]:
		return []string(nil)
	case inspectMapKeys[key]:
		return map[string]string(nil)
	}
	return (*struct{})(nil)
}

// json is the template function: compact JSON without HTML escaping, maps
// in the order they were decoded in.
func (o inspectOrder) json(v any) (string, error) {
	var b bytes.Buffer
	if err := o.write(&b, v); err != nil {
		return "", err
	}
	return b.String(), nil
}

func (o inspectOrder) write(b *bytes.Buffer, v any) error {
	switch t := v.(type) {
	case map[string]any:
		// Recorded keys leave out the defaults added after decoding, as
		// the reference's omitempty fields are left out.
		keys, ok := o[reflect.ValueOf(t).Pointer()]
		if !ok {
			keys = make([]string, 0, len(t))
			for k := range t {
				keys = append(keys, k)
			}
			sort.Strings(keys)
		}
		b.WriteByte('{')
		for i, k := range keys {
			if i > 0 {
				b.WriteByte(',')
			}
			if err := inspectPlainJSON(b, k); err != nil {
				return err
			}
			b.WriteByte(':')
			if err := o.write(b, t[k]); err != nil {
				return err
			}
		}
		b.WriteByte('}')
		return nil
	case []any:
		b.WriteByte('[')
		for i, e := range t {
			if i > 0 {
				b.WriteByte(',')
			}
			if err := o.write(b, e); err != nil {
				return err
			}
		}
		b.WriteByte(']')
		return nil
	}
	return inspectPlainJSON(b, v)
}

// inspectPlainJSON encodes a leaf value without HTML escaping.
func inspectPlainJSON(b *bytes.Buffer, v any) error {
	var tmp bytes.Buffer
	enc := json.NewEncoder(&tmp)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	b.Write(bytes.TrimSuffix(tmp.Bytes(), []byte("\n")))
	return nil
}

// inspectErrors joins the per-object failures; they exit 1.
func inspectErrors(errs []string) error {
	if len(errs) == 0 {
		return nil
	}
	return errors.New(strings.Join(errs, "\n"))
}

// inspectContainerOptional are fields of the reference's container type that
// the daemon leaves out when empty; the reference's template still finds them
// (as nil), so a template asking for them must not fail here either.
var inspectContainerOptional = map[string]map[string]any{
	"":           {"SizeRw": (*int64)(nil), "SizeRootFs": (*int64)(nil)},
	"State":      {"Health": (*struct{})(nil)},
	"Config":     {"Healthcheck": (*struct{})(nil), "ExposedPorts": map[string]string(nil), "StopSignal": "", "StopTimeout": (*int)(nil), "Shell": []string(nil), "ArgsEscaped": false, "NetworkDisabled": false, "MacAddress": ""},
	"HostConfig": {"Init": (*bool)(nil), "Sysctls": map[string]string(nil), "Tmpfs": map[string]string(nil), "StorageOpt": map[string]string(nil), "Annotations": map[string]string(nil), "Mounts": []string(nil)},
}

func inspectContainerDefaults(v any) {
	top, ok := v.(map[string]any)
	if !ok {
		return
	}
	for section, fields := range inspectContainerOptional {
		m := top
		if section != "" {
			if m, ok = top[section].(map[string]any); !ok {
				continue
			}
		}
		for k, def := range fields {
			if _, present := m[k]; !present {
				m[k] = def
			}
		}
	}
}
