// Package compose loads compose files as `docker stack deploy` and
// `docker stack config` read them: the compose file format version 3,
// checked and reported as the reference does, interpolated with
// compose-go's template engine and decoded into compose-go's types.
package compose

import (
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/compose-spec/compose-go/v2/template"
	"go.yaml.in/yaml/v3"
)

// DefaultVersion is the format version of a file that names none.
const DefaultVersion = "3.13"

// Options say what to load.
type Options struct {
	Files             []string // "-" is Stdin
	Stdin             io.Reader
	Env               template.Mapping // the variables to interpolate
	SkipInterpolation bool
}

// Config is the merged content of the files.
type Config struct {
	Version    string
	WorkingDir string // relative paths are relative to it
	Dict       map[string]any
}

// Load reads, checks, interpolates and merges the files, in order.
func Load(o Options) (*Config, error) {
	if len(o.Files) == 0 {
		return nil, errors.New("Specify a Compose file (with --compose-file)")
	}
	if o.Env == nil {
		o.Env = func(string) (string, bool) { return "", false }
	}
	var cfg *Config
	for _, name := range o.Files {
		c, err := loadFile(name, o)
		if err != nil {
			return nil, err
		}
		if cfg == nil {
			cfg = c
			continue
		}
		if c.Version != cfg.Version {
			return nil, fmt.Errorf("version mismatched between two composefiles : %s and %s", cfg.Version, c.Version)
		}
		cfg.Dict = merge(cfg.Dict, c.Dict)
	}
	return cfg, resolveEnvFiles(cfg.Dict, cfg.WorkingDir)
}

func loadFile(name string, o Options) (*Config, error) {
	var data []byte
	var err error
	wd, _ := os.Getwd()
	if name == "-" {
		data, err = io.ReadAll(o.Stdin)
	} else {
		data, err = os.ReadFile(name)
		if abs, aerr := filepath.Abs(name); aerr == nil {
			wd = filepath.Dir(abs)
		}
	}
	if err != nil {
		return nil, err
	}
	var doc any
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	dict, ok := normalize(doc).(map[string]any)
	if !ok {
		return nil, errors.New("top-level object must be a mapping")
	}
	version := DefaultVersion
	if v, ok := dict["version"]; ok {
		s, ok := v.(string)
		if !ok {
			return nil, errors.New("version must be a string")
		}
		if s != "3" && !strings.HasPrefix(s, "3.") || !supportedVersion(s) {
			return nil, fmt.Errorf("unsupported Compose file version: %s", s)
		}
		version = s
	}
	if !o.SkipInterpolation {
		if err := interpolate(dict, nil, o.Env); err != nil {
			return nil, err
		}
	}
	if err := schema().validate("(root)", dict); err != nil {
		return nil, err
	}
	if err := externalNames(dict); err != nil {
		return nil, err
	}
	canon, err := canonical(dict, wd)
	if err != nil {
		return nil, err
	}
	return &Config{Version: version, WorkingDir: wd, Dict: canon}, nil
}

func supportedVersion(v string) bool {
	minor, ok := strings.CutPrefix(v, "3.")
	if !ok {
		return v == "3"
	}
	return slices.Contains([]string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13"}, minor)
}

// normalize turns the YAML decoder's maps with non-string keys into
// map[string]any, as the format only has string keys.
func normalize(v any) any {
	switch v := v.(type) {
	case map[string]any:
		for k, e := range v {
			v[k] = normalize(e)
		}
		return v
	case map[any]any:
		m := make(map[string]any, len(v))
		for k, e := range v {
			m[fmt.Sprint(k)] = normalize(e)
		}
		return m
	case []any:
		for i, e := range v {
			v[i] = normalize(e)
		}
	}
	return v
}

func sortedKeys(m map[string]any) []string { return slices.Sorted(maps.Keys(m)) }
