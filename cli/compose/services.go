package compose

import (
	"fmt"
	"os"
	"strings"

	"github.com/sirupsen/logrus"

	"github.com/dockerclone/docker/cli/opts"
)

// unsupported are the service options stack deploy ignores.
var unsupported = []string{
	"build", "cgroup_parent", "devices", "domainname", "external_links", "ipc", "links", "mac_address",
	"network_mode", "pid", "privileged", "restart", "security_opt", "shm_size", "userns_mode",
}

// deprecated are the service options stack deploy ignores with a reason.
var deprecated = [][2]string{
	{"container_name", "Setting the container name is not supported."},
	{"expose", "Exposing ports is unnecessary - services on the same network can access each other's containers on any port."},
}

// Ignored names the options of the services that a deploy ignores: the
// unsupported ones, and the deprecated ones with the reason.
func (c *Config) Ignored() (unsupportedKeys []string, deprecatedKeys [][2]string) {
	services := asMap(c.Dict["services"])
	used := func(key string) bool {
		for _, s := range services {
			if _, ok := asMap(s)[key]; ok {
				return true
			}
		}
		return false
	}
	for _, k := range unsupported {
		if used(k) {
			unsupportedKeys = append(unsupportedKeys, k)
		}
	}
	for _, d := range deprecated {
		if used(d[0]) {
			deprecatedKeys = append(deprecatedKeys, d)
		}
	}
	return unsupportedKeys, deprecatedKeys
}

// resolveEnvFiles adds the variables of each service's env_file to its
// environment (the environment's own entries win), as the reference does.
func resolveEnvFiles(dict map[string]any, wd string) error {
	for _, name := range sortedKeys(asMap(dict["services"])) {
		svc := asMap(asMap(dict["services"])[name])
		files := asList(svc["env_file"])
		if len(files) == 0 {
			continue
		}
		env := map[string]any{}
		for _, f := range files {
			path, _ := f.(string)
			if m := asMap(f); m != nil {
				path, _ = m["path"].(string)
			}
			vars, err := opts.ReadEnvFile(absPath(wd, path), os.LookupEnv)
			if err != nil {
				return err
			}
			for _, kv := range vars {
				k, v, _ := strings.Cut(kv, "=")
				env[k] = v
			}
		}
		for k, v := range environment(svc["environment"]) {
			env[k] = v
		}
		svc["environment"] = env
	}
	return nil
}

// environment reads a list ("K=v", "K") or a mapping of variables.
func environment(v any) map[string]any {
	out := map[string]any{}
	if m := asMap(v); m != nil {
		for k, e := range m {
			out[k] = e
		}
	}
	for _, e := range asList(v) {
		s, _ := e.(string)
		if k, val, ok := strings.Cut(s, "="); ok {
			out[k] = val
		} else if k != "" {
			out[k] = nil
		}
	}
	return out
}

// externalNames moves the deprecated external.name of volumes, networks,
// secrets and configs to their name, warning as the reference does.
func externalNames(dict map[string]any) error {
	for _, kind := range [][2]string{{"volumes", "volume"}, {"networks", "network"}, {"secrets", "secret"}, {"configs", "config"}} {
		objs := asMap(dict[kind[0]])
		for _, key := range sortedKeys(objs) {
			obj := asMap(objs[key])
			ext := asMap(obj["external"])
			name, ok := ext["name"].(string)
			if !ok {
				continue
			}
			if cur, set := obj["name"]; set && cur != name {
				return fmt.Errorf("%[1]s %[2]s: %[1]s.external.name and %[1]s.name conflict; only use %[1]s.name", kind[1], key)
			}
			logrus.Warnf("%[1]s %[2]s: %[1]s.external.name is deprecated in favor of %[1]s.name", kind[1], key)
			obj["name"], obj["external"] = name, true
		}
	}
	return nil
}
