package compose

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/compose-spec/compose-go/v2/template"
)

// interpolate replaces ${VAR} (and its forms with defaults and errors) in
// every string value, then gives the values of typed keys their type
// back (replicas: ${N} is a number once N is known). Keys stay as written.
func interpolate(v any, path []string, env template.Mapping) error {
	switch v := v.(type) {
	case map[string]any:
		for _, k := range sortedKeys(v) {
			p := append(path, k)
			if s, ok := v[k].(string); ok {
				out, err := substitute(p, s, env)
				if err != nil {
					return err
				}
				v[k] = cast(p, s, out)
				continue
			}
			if err := interpolate(v[k], p, env); err != nil {
				return err
			}
		}
	case []any:
		for i, e := range v {
			p := append(path, strconv.Itoa(i))
			if s, ok := e.(string); ok {
				out, err := substitute(p, s, env)
				if err != nil {
					return err
				}
				v[i] = cast(p, e.(string), out)
				continue
			}
			if err := interpolate(e, p, env); err != nil {
				return err
			}
		}
	}
	return nil
}

func substitute(path []string, s string, env template.Mapping) (string, error) {
	out, err := template.SubstituteWithOptions(s, env, template.WithoutLogging)
	if err == nil {
		return out, nil
	}
	msg := s
	var missing *template.MissingRequiredError
	if errors.As(err, &missing) {
		msg = fmt.Sprintf("required variable %s is missing a value: %s", missing.Variable, missing.Reason)
	}
	return "", fmt.Errorf("invalid interpolation format for %s: %q; you may need to escape any $ with another $", strings.Join(path, "."), msg)
}

// casts are the keys whose values are numbers or booleans ("*" matches any
// name or index).
var casts = []struct {
	path string
	to   func(string) (any, error)
}{
	{"services.*.deploy.replicas", toInt},
	{"services.*.deploy.update_config.parallelism", toInt},
	{"services.*.deploy.update_config.max_failure_ratio", toFloat},
	{"services.*.deploy.rollback_config.parallelism", toInt},
	{"services.*.deploy.rollback_config.max_failure_ratio", toFloat},
	{"services.*.deploy.restart_policy.max_attempts", toInt},
	{"services.*.deploy.resources.limits.pids", toInt},
	{"services.*.deploy.placement.max_replicas_per_node", toInt},
	{"services.*.healthcheck.retries", toInt},
	{"services.*.healthcheck.disable", toBool},
	{"services.*.ports.*.target", toInt},
	{"services.*.ports.*.published", toInt},
	{"services.*.ulimits.*", toInt},
	{"services.*.ulimits.*.hard", toInt},
	{"services.*.ulimits.*.soft", toInt},
	{"services.*.secrets.*.mode", toInt},
	{"services.*.configs.*.mode", toInt},
	{"services.*.volumes.*.read_only", toBool},
	{"services.*.volumes.*.volume.nocopy", toBool},
	{"services.*.init", toBool},
	{"services.*.privileged", toBool},
	{"services.*.read_only", toBool},
	{"services.*.stdin_open", toBool},
	{"services.*.tty", toBool},
	{"networks.*.external", toBool},
	{"networks.*.internal", toBool},
	{"networks.*.attachable", toBool},
	{"volumes.*.external", toBool},
	{"secrets.*.external", toBool},
	{"configs.*.external", toBool},
}

// cast types an interpolated value (one written as a string stays one).
func cast(path []string, written, s string) any {
	if !strings.Contains(written, "$") {
		return s
	}
	for _, c := range casts {
		if matchPath(c.path, path) {
			if v, err := c.to(s); err == nil {
				return v
			}
		}
	}
	return s
}

func matchPath(pattern string, path []string) bool {
	parts := strings.Split(pattern, ".")
	if len(parts) != len(path) {
		return false
	}
	for i, p := range parts {
		if p != "*" && p != path[i] {
			return false
		}
	}
	return true
}

func toInt(s string) (any, error) { return strconv.Atoi(s) }

func toFloat(s string) (any, error) { return strconv.ParseFloat(s, 64) }

func toBool(s string) (any, error) {
	switch strings.ToLower(s) {
	case "y", "yes", "true", "on":
		return true, nil
	case "n", "no", "false", "off":
		return false, nil
	}
	return nil, fmt.Errorf("invalid boolean: %s", s)
}
