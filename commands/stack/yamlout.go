package stack

import (
	"maps"
	"reflect"
	"slices"
	"strconv"
	"time"

	"github.com/compose-spec/compose-go/v2/types"
	"go.yaml.in/yaml/v3"

	"github.com/dockerclone/docker/cli/compose"
)

// The merged file as `stack config` prints it: the reference's key order
// (its types' field order), zero values left out, sizes in bytes and
// durations as Go prints them.

// omap is a YAML mapping built key by key.
type omap struct{ n *yaml.Node }

func newMap() omap { return omap{&yaml.Node{Kind: yaml.MappingNode}} }

// add appends key: v unless v is empty.
func (m omap) add(key string, v any) {
	var n *yaml.Node
	switch v := v.(type) {
	case omap:
		n = v.n
	case *yaml.Node:
		n = v
	default:
		if isZero(v) {
			return
		}
		n = &yaml.Node{}
		if err := n.Encode(v); err != nil {
			return
		}
	}
	if n == nil || n.Kind == yaml.MappingNode && len(n.Content) == 0 && n.Tag != "!!map" {
		return
	}
	k := &yaml.Node{}
	_ = k.Encode(key) // quoted when it would read as another type ("n")
	m.n.Content = append(m.n.Content, k, n)
}

// keep marks an empty mapping to print as {} rather than leave out.
func (m omap) keep() omap { m.n.Tag = "!!map"; return m }

func isZero(v any) bool {
	if v == nil {
		return true
	}
	r := reflect.ValueOf(v)
	switch r.Kind() {
	case reflect.Map, reflect.Slice:
		return r.Len() == 0
	case reflect.Pointer:
		return r.IsNil()
	}
	return r.IsZero()
}

func duration(d *types.Duration) string {
	if d == nil {
		return ""
	}
	return time.Duration(*d).String()
}

func nonZero(d types.Duration) string {
	if d == 0 {
		return ""
	}
	return time.Duration(d).String()
}

func bytesString(b types.UnitBytes) string {
	if b == 0 {
		return ""
	}
	return strconv.FormatInt(int64(b), 10)
}

func nullNode() *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"} }

// configYAML is the document `stack config` prints.
func configYAML(cfg *compose.Config, m *compose.Model) *yaml.Node {
	doc := newMap()
	doc.add("version", cfg.Version)
	services := newMap().keep()
	for _, name := range slices.Sorted(maps.Keys(m.Services)) {
		s := m.Services[name]
		raw, _ := cfg.Dict["services"].(map[string]any)[name].(map[string]any)
		services.add(name, serviceYAML(&s, raw).keep())
	}
	doc.add("services", services)
	nets := newMap()
	for _, name := range slices.Sorted(maps.Keys(m.Networks)) {
		n := m.Networks[name]
		o := newMap().keep()
		o.add("name", n.Name)
		o.add("driver", n.Driver)
		o.add("driver_opts", map[string]string(n.DriverOpts))
		if len(n.Ipam.Config) > 0 || n.Ipam.Driver != "" {
			ipam := newMap()
			ipam.add("driver", n.Ipam.Driver)
			var pools []map[string]string
			for _, p := range n.Ipam.Config {
				pools = append(pools, map[string]string{"subnet": p.Subnet})
			}
			ipam.add("config", pools)
			o.add("ipam", ipam)
		}
		o.add("external", bool(n.External))
		o.add("internal", n.Internal)
		o.add("attachable", n.Attachable)
		o.add("labels", map[string]string(n.Labels))
		nets.add(name, o)
	}
	doc.add("networks", nets)
	vols := newMap()
	for _, name := range slices.Sorted(maps.Keys(m.Volumes)) {
		v := m.Volumes[name]
		o := newMap().keep()
		o.add("name", v.Name)
		o.add("driver", v.Driver)
		o.add("driver_opts", map[string]string(v.DriverOpts))
		o.add("external", bool(v.External))
		o.add("labels", map[string]string(v.Labels))
		vols.add(name, o)
	}
	doc.add("volumes", vols)
	doc.add("secrets", fileObjects(m.Secrets, true))
	doc.add("configs", fileObjects(m.Configs, false))
	addExtensions(doc, cfg.Dict)
	return &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{doc.n}}
}

func fileObjects[T types.SecretConfig | types.ConfigObjConfig](objs map[string]T, secrets bool) omap {
	out := newMap()
	for _, name := range slices.Sorted(maps.Keys(objs)) {
		d := types.FileObjectConfig(objs[name])
		o := newMap().keep()
		o.add("name", d.Name)
		o.add("file", d.File)
		o.add("external", bool(d.External))
		o.add("labels", map[string]string(d.Labels))
		if secrets {
			o.add("driver", d.Driver)
			o.add("driver_opts", d.DriverOpts)
		}
		o.add("template_driver", d.TemplateDriver)
		out.add(name, o)
	}
	return out
}
