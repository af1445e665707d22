package compose

import (
	"cmp"
	"errors"
	"fmt"
	"maps"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/compose-spec/compose-go/v2/transform"
	"github.com/compose-spec/compose-go/v2/types"
	"github.com/go-viper/mapstructure/v2"

	"github.com/dockerclone/docker/cli/opts"
)

// canonical rewrites the short forms of a checked file in their long form
// (compose-go's transform), with relative host paths made absolute from
// the file's directory, as the reference does.
func canonical(dict map[string]any, wd string) (map[string]any, error) {
	if err := checkVolumes(dict); err != nil {
		return nil, err
	}
	c, err := transform.Canonical(dict, true)
	if err != nil {
		return dict, nil // the schema passed: leave what compose-go cannot read to the decoder
	}
	for _, svc := range asMap(c["services"]) {
		for _, v := range asList(asMap(svc)["volumes"]) {
			vol := asMap(v)
			if src, ok := vol["source"].(string); ok && vol["type"] == "bind" {
				vol["source"] = absPath(wd, src)
			}
		}
	}
	for _, kind := range []string{"secrets", "configs"} {
		for _, obj := range asMap(c[kind]) {
			if f, ok := asMap(obj)["file"].(string); ok {
				asMap(obj)["file"] = absPath(wd, f)
			}
		}
	}
	return c, nil
}

// checkVolumes reads the short form of the services' volumes as the
// reference does, for its messages.
func checkVolumes(dict map[string]any) error {
	for _, name := range sortedKeys(asMap(dict["services"])) {
		for i, v := range asList(asMap(asMap(dict["services"])[name])["volumes"]) {
			if s, ok := v.(string); ok {
				if _, _, err := opts.ParseVolume(s); err != nil {
					return fmt.Errorf("decoding failed due to the following error(s):\n\nerror decoding 'Volumes[%d]': %w", i, err)
				}
			}
		}
	}
	return nil
}

func absPath(wd, p string) string {
	if filepath.IsAbs(p) || strings.HasPrefix(p, "~") {
		return p
	}
	return filepath.Join(wd, p)
}

func asMap(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

func asList(v any) []any {
	l, _ := v.([]any)
	return l
}

// merge lays over on base: mappings merge key by key, a later value
// replaces an earlier one, and the lists of a service that are keyed
// (ports by published port, volumes by target, secrets and configs by
// source) merge by key.
func merge(base, over map[string]any) map[string]any {
	out := maps.Clone(base)
	for k, v := range over {
		b, ok := out[k]
		switch {
		case !ok:
			out[k] = v
		case isMap(b) && isMap(v):
			out[k] = merge(asMap(b), asMap(v))
		default:
			if key := listKeys[k]; key != nil && isList(b) && isList(v) {
				out[k] = mergeList(asList(b), asList(v), key)
			} else {
				out[k] = v
			}
		}
	}
	return out
}

func isMap(v any) bool  { _, ok := v.(map[string]any); return ok }
func isList(v any) bool { _, ok := v.([]any); return ok }

// listKeys say how the items of the keyed lists are told apart.
var listKeys = map[string]func(any) string{
	"ports": func(v any) string {
		n, _ := strconv.Atoi(fmt.Sprint(asMap(v)["published"]))
		return fmt.Sprintf("%09d", n)
	},
	"volumes": func(v any) string { return fmt.Sprint(asMap(v)["target"]) },
	"secrets": func(v any) string { return fmt.Sprint(asMap(v)["source"]) },
	"configs": func(v any) string { return fmt.Sprint(asMap(v)["source"]) },
}

func mergeList(base, over []any, key func(any) string) []any {
	byKey := map[string]any{}
	for _, v := range slices.Concat(base, over) {
		byKey[key(v)] = v
	}
	return slices.Collect(func(yield func(any) bool) {
		for _, k := range slices.SortedFunc(maps.Keys(byKey), cmp.Compare) {
			if !yield(byKey[k]) {
				return
			}
		}
	})
}

// Model is a loaded file in compose-go's types.
type Model struct {
	Services types.Services `yaml:"services"`
	Networks types.Networks `yaml:"networks"`
	Volumes  types.Volumes  `yaml:"volumes"`
	Secrets  types.Secrets  `yaml:"secrets"`
	Configs  types.Configs  `yaml:"configs"`
}

// Decode reads the merged content into compose-go's types.
func (c *Config) Decode() (*Model, error) {
	var m Model
	d, err := mapstructure.NewDecoder(&mapstructure.DecoderConfig{
		Result: &m, TagName: "yaml", Squash: true,
		DecodeHook: mapstructure.ComposeDecodeHookFunc(decodeCustom, decodeScalar),
	})
	if err != nil {
		return nil, err
	}
	if err := d.Decode(c.Dict); err != nil {
		return nil, decodeError(err)
	}
	for name, s := range m.Services {
		s.Name = name
		m.Services[name] = s
	}
	// An external object is named by its key unless it says otherwise.
	nameExternal(m.Networks, func(n *types.NetworkConfig) (bool, *string) { return bool(n.External), &n.Name })
	nameExternal(m.Volumes, func(v *types.VolumeConfig) (bool, *string) { return bool(v.External), &v.Name })
	nameExternal(m.Secrets, func(s *types.SecretConfig) (bool, *string) { return bool(s.External), &s.Name })
	nameExternal(m.Configs, func(c *types.ConfigObjConfig) (bool, *string) { return bool(c.External), &c.Name })
	return &m, nil
}

// decodeError words a decoding failure as the reference does, naming the
// value by the path its own types give it ("Deploy.Resources.Limits.memory").
func decodeError(err error) error {
	var de *mapstructure.DecodeError
	if !errors.As(err, &de) {
		return err
	}
	name := de.Name()
	if _, rest, ok := strings.Cut(name, "]."); ok && strings.HasPrefix(name, "services[") {
		name = rest
	}
	parts := strings.Split(name, ".")
	for i, p := range parts[:len(parts)-1] {
		parts[i] = goName(p)
	}
	if last := parts[len(parts)-1]; strings.Contains(last, "[") {
		parts[len(parts)-1] = goName(last)
	}
	return fmt.Errorf("decoding failed due to the following error(s):\n\nerror decoding '%s': %w", strings.Join(parts, "."), errors.Unwrap(de))
}

// goName is a snake_case key as a Go field name ("restart_policy" →
// "RestartPolicy"), its index kept ("volumes[0]" → "Volumes[0]").
func goName(key string) string {
	if key == "healthcheck" {
		return "HealthCheck"
	}
	var b strings.Builder
	for _, w := range strings.Split(key, "_") {
		if w != "" {
			b.WriteString(strings.ToUpper(w[:1]) + w[1:])
		}
	}
	return b.String()
}

func nameExternal[T any](objs map[string]T, fields func(*T) (external bool, name *string)) {
	for key, o := range objs {
		if ext, name := fields(&o); ext && *name == "" {
			*name = key
			objs[key] = o
		}
	}
}

// decodeCustom lets compose-go's types decode themselves (durations,
// sizes, commands, mappings...), in place: the decoder then sees the
// decoded value, which the types take as it is.
func decodeCustom(from, to reflect.Value) (any, error) {
	type decoder interface{ DecodeMapstructure(any) error }
	d, ok := to.Interface().(decoder)
	if !ok && to.CanAddr() {
		d, ok = to.Addr().Interface().(decoder)
	}
	if !ok {
		return from.Interface(), nil
	}
	if to.Kind() == reflect.Pointer && to.IsNil() {
		to.Set(reflect.New(to.Type().Elem()))
		d = to.Interface().(decoder)
	}
	if err := d.DecodeMapstructure(from.Interface()); err != nil {
		return nil, err
	}
	return to.Interface(), nil
}

// decodeScalar converts between the scalar kinds YAML and the types use.
func decodeScalar(from, to reflect.Value) (any, error) {
	switch {
	case from.Kind() == reflect.String && to.Kind() == reflect.Bool:
		return toBool(from.String())
	case from.Kind() == reflect.String && to.Kind() >= reflect.Int && to.Kind() <= reflect.Int64:
		return strconv.ParseInt(from.String(), 10, 64)
	case from.Kind() == reflect.String && (to.Kind() == reflect.Float32 || to.Kind() == reflect.Float64):
		return strconv.ParseFloat(from.String(), 64)
	case from.Kind() >= reflect.Int && from.Kind() <= reflect.Int64 && to.Kind() == reflect.String:
		return strconv.FormatInt(from.Int(), 10), nil
	case from.Kind() == reflect.Float64 && to.Kind() == reflect.String:
		return strconv.FormatFloat(from.Float(), 'f', -1, 64), nil
	}
	return from.Interface(), nil
}
