package compose

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/dockerclone/docker/cli/opts"
)

// rule is what the compose file format (version 3) allows at one place of
// a file: the reference checks files against that format before anything
// else, and its messages name the first rule broken.
type rule struct {
	kinds  []string         // accepted kinds: string integer number boolean object array null
	props  map[string]*rule // an object's known keys (others are refused)
	values *rule            // an object whose keys are names: each value
	items  *rule            // an array's items
	open   bool             // an object taking any key
	names  bool             // the keys of values must be valid names
	format string           // a string's format: duration, ports
}

func kinds(k ...string) *rule { return &rule{kinds: k} }

func object(props map[string]*rule) *rule { return &rule{kinds: []string{"object"}, props: props} }

func mapOf(values *rule) *rule { return &rule{kinds: []string{"object"}, values: values} }

func with(r *rule, k ...string) *rule {
	c := *r
	c.kinds = append(slices.Clone(r.kinds), k...)
	return &c
}

// schema is the format, built on first use (not at every start).
var schema = sync.OnceValue(buildSchema)

// buildSchema describes the format as of its version 3.13.
func buildSchema() *rule {
	var (
		str     = kinds("string")
		integer = kinds("integer")
		number  = kinds("number")
		boolean = kinds("boolean")
		strList = &rule{kinds: []string{"array"}, items: str}
		// listOrDict is KEY=value strings, or a mapping of scalars.
		listOrDict   = &rule{kinds: []string{"object", "array"}, items: str, open: true}
		stringOrList = &rule{kinds: []string{"string", "array"}, items: str}
		duration     = &rule{kinds: []string{"string"}, format: "duration"}
	)
	var (
		updateConfig = object(map[string]*rule{
			"parallelism": integer, "delay": duration, "failure_action": str,
			"monitor": duration, "max_failure_ratio": number, "order": str,
		})
		resources = object(map[string]*rule{
			"cpus": kinds("number", "string"), "memory": str, "pids": integer,
			"generic_resources": {kinds: []string{"array"}, items: object(map[string]*rule{
				"discrete_resource_spec": object(map[string]*rule{"kind": str, "value": number}),
			})},
		})
		deployment = with(object(map[string]*rule{
			"mode": str, "endpoint_mode": str, "replicas": integer, "labels": listOrDict,
			"rollback_config": updateConfig, "update_config": updateConfig,
			"resources":      object(map[string]*rule{"limits": resources, "reservations": resources}),
			"restart_policy": object(map[string]*rule{"condition": str, "delay": duration, "max_attempts": integer, "window": duration}),
			"placement": object(map[string]*rule{
				"constraints":           strList,
				"preferences":           {kinds: []string{"array"}, items: object(map[string]*rule{"spread": str})},
				"max_replicas_per_node": integer,
			}),
		}), "null")
		fileRef = &rule{kinds: []string{"array"}, items: with(object(map[string]*rule{
			"source": str, "target": str, "uid": str, "gid": str, "mode": number,
		}), "string")}
		healthcheck = object(map[string]*rule{
			"disable": boolean, "interval": duration, "retries": number, "test": kinds("string", "array"),
			"timeout": duration, "start_period": duration, "start_interval": duration,
		})
		serviceVolume = with(object(map[string]*rule{
			"type": str, "source": str, "target": str, "read_only": boolean, "consistency": str,
			"bind":   object(map[string]*rule{"propagation": str}),
			"volume": object(map[string]*rule{"nocopy": boolean}),
			"tmpfs":  object(map[string]*rule{"size": kinds("integer", "string")}),
		}), "string")
		servicePort = &rule{kinds: []string{"number", "string", "object"}, format: "ports", props: map[string]*rule{
			"mode": str, "target": integer, "published": kinds("integer", "string"), "protocol": str,
		}}
		service = object(map[string]*rule{
			"deploy": deployment,
			"build": with(object(map[string]*rule{
				"context": str, "dockerfile": str, "args": listOrDict, "labels": listOrDict, "cache_from": strList,
				"network": str, "target": str, "shm_size": kinds("integer", "string"), "extra_hosts": listOrDict, "isolation": str,
			}), "string"),
			"cap_add": strList, "cap_drop": strList, "cgroup_parent": str, "command": kinds("string", "array"),
			"configs": fileRef, "container_name": str,
			"credential_spec": object(map[string]*rule{"config": str, "file": str, "registry": str}),
			"depends_on":      strList, "devices": strList, "dns": stringOrList, "dns_search": stringOrList,
			"domainname": str, "entrypoint": kinds("string", "array"), "env_file": stringOrList, "environment": listOrDict,
			"expose": {kinds: []string{"array"}, items: kinds("string", "number")}, "external_links": strList,
			"extra_hosts": listOrDict, "healthcheck": healthcheck, "hostname": str, "image": str, "init": boolean,
			"ipc": str, "isolation": str, "labels": listOrDict, "links": strList,
			"logging":     object(map[string]*rule{"driver": str, "options": &rule{kinds: []string{"object"}, values: kinds("string", "number", "null")}}),
			"mac_address": str, "network_mode": str,
			"networks": {kinds: []string{"array", "object"}, items: str, values: with(object(map[string]*rule{
				"aliases": strList, "ipv4_address": str, "ipv6_address": str,
			}), "null")},
			"pid": kinds("string", "null"), "ports": {kinds: []string{"array"}, items: servicePort},
			"privileged": boolean, "read_only": boolean, "restart": str, "secrets": fileRef, "security_opt": strList,
			"shm_size": kinds("number", "string"), "sysctls": listOrDict, "stdin_open": boolean,
			"stop_grace_period": duration, "stop_signal": str, "tmpfs": stringOrList, "tty": boolean,
			"ulimits": &rule{kinds: []string{"object"}, values: with(object(map[string]*rule{"hard": integer, "soft": integer}), "integer")},
			"user":    str, "userns_mode": str, "volumes": {kinds: []string{"array"}, items: serviceVolume}, "working_dir": str,
		})
		external   = with(object(map[string]*rule{"name": str}), "boolean")
		driverOpts = &rule{kinds: []string{"object"}, values: kinds("string", "number")}
		topLevel   = object(map[string]*rule{
			"version":  str,
			"services": mapOf(service),
			"networks": mapOf(with(object(map[string]*rule{
				"name": str, "driver": str, "driver_opts": driverOpts,
				"ipam":     object(map[string]*rule{"driver": str, "config": {kinds: []string{"array"}, items: object(map[string]*rule{"subnet": str})}}),
				"external": external, "internal": boolean, "attachable": boolean, "labels": listOrDict,
			}), "null")),
			"volumes": mapOf(with(object(map[string]*rule{
				"name": str, "driver": str, "driver_opts": driverOpts, "external": external, "labels": listOrDict,
			}), "null")),
			"secrets": mapOf(object(map[string]*rule{
				"name": str, "file": str, "external": external, "labels": listOrDict,
				"driver": str, "driver_opts": driverOpts, "template_driver": str,
			})),
			"configs": mapOf(object(map[string]*rule{
				"name": str, "file": str, "external": external, "labels": listOrDict, "template_driver": str,
			})),
		})
	)
	topLevel.props["services"].names = true
	return topLevel
}

// kindOf is the JSON kind of a decoded YAML value.
func kindOf(v any) string {
	switch v := v.(type) {
	case nil:
		return "null"
	case string:
		return "string"
	case bool:
		return "boolean"
	case int, int64, uint64:
		return "integer"
	case float64:
		if v == float64(int64(v)) {
			return "integer"
		}
		return "number"
	case map[string]any:
		return "object"
	case []any:
		return "array"
	}
	return fmt.Sprintf("%T", v)
}

// kindNames are the kinds as the reference's messages name them.
var kindNames = map[string]string{"object": "mapping", "array": "list"}

func (r *rule) accepts(kind string) bool {
	return slices.Contains(r.kinds, kind) || kind == "integer" && slices.Contains(r.kinds, "number")
}

// validName is what a service name (a key of services) may be.
func validName(s string) bool {
	return s != "" && !strings.ContainsFunc(s, func(c rune) bool {
		return !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-')
	})
}

// validate checks v against r; path names v in messages ("(root)",
// "services.web").
func (r *rule) validate(path string, v any) error {
	kind := kindOf(v)
	if !r.accepts(kind) {
		want := r.kinds[0]
		if n, ok := kindNames[want]; ok {
			want = n
		}
		return fmt.Errorf("%s must be a %s", path, want)
	}
	child := func(k string) string {
		if path == "(root)" {
			return k
		}
		return path + "." + k
	}
	switch v := v.(type) {
	case string:
		if !formatOK(r.format, v) {
			return fmt.Errorf("%s Does not match format '%s'", path, r.format)
		}
	case []any:
		for i, item := range v {
			if r.items != nil {
				if err := r.items.validate(child(fmt.Sprint(i)), item); err != nil {
					return err
				}
			}
		}
	case map[string]any:
		for _, k := range sortedKeys(v) {
			sub, err := r.prop(path, k)
			if err != nil {
				return err
			}
			if sub != nil {
				if err := sub.validate(child(k), v[k]); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// prop is the rule for key k of an object (nil: anything goes).
func (r *rule) prop(path, k string) (*rule, error) {
	switch {
	case strings.HasPrefix(k, "x-"):
		return nil, nil
	case r.props != nil:
		if sub, ok := r.props[k]; ok {
			return sub, nil
		}
	case r.values != nil:
		if r.names && !validName(k) {
			break
		}
		return r.values, nil
	case r.open:
		return nil, nil
	}
	return nil, fmt.Errorf("%s Additional property %s is not allowed", path, k)
}

// formatOK checks the formats the format names.
func formatOK(format, v string) bool {
	switch format {
	case "duration":
		_, err := time.ParseDuration(v)
		return err == nil
	case "ports":
		_, err := opts.ParsePortConfigs(v)
		return err == nil || strings.Contains(err.Error(), "hostip")
	}
	return true
}
