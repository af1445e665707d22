package stack

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/compose-spec/compose-go/v2/types"
	"go.yaml.in/yaml/v3"
)

// serviceYAML is one service, its keys in the reference's order (raw is
// the service as written, for the values the reference keeps so).
func serviceYAML(s *types.ServiceConfig, raw map[string]any) omap {
	o := newMap()
	if b := s.Build; b != nil {
		bm := newMap()
		bm.add("context", b.Context)
		bm.add("dockerfile", b.Dockerfile)
		bm.add("labels", map[string]string(b.Labels))
		bm.add("cache_from", []string(b.CacheFrom))
		bm.add("network", b.Network)
		bm.add("target", b.Target)
		o.add("build", bm)
	}
	o.add("cap_add", s.CapAdd)
	o.add("cap_drop", s.CapDrop)
	o.add("cgroup_parent", s.CgroupParent)
	o.add("command", []string(s.Command))
	o.add("configs", fileRefs(s.Configs))
	o.add("container_name", s.ContainerName)
	if c := s.CredentialSpec; c != nil {
		cs := newMap()
		cs.add("config", c.Config)
		cs.add("file", c.File)
		cs.add("registry", c.Registry)
		o.add("credential_spec", cs)
	}
	o.add("depends_on", slices.Sorted(maps.Keys(s.DependsOn)))
	if s.Deploy != nil {
		o.add("deploy", deployYAML(s.Deploy))
	}
	var devices []string
	for _, d := range s.Devices {
		dev := d.Source
		if d.Target != d.Source || d.Permissions != "rwm" {
			dev += ":" + d.Target
		}
		if d.Permissions != "rwm" {
			dev += ":" + d.Permissions
		}
		devices = append(devices, dev)
	}
	o.add("devices", devices)
	o.add("dns", []string(s.DNS))
	o.add("dns_search", []string(s.DNSSearch))
	o.add("domainname", s.DomainName)
	o.add("entrypoint", []string(s.Entrypoint))
	if len(s.Environment) > 0 {
		env := newMap()
		for _, k := range slices.Sorted(maps.Keys(s.Environment)) {
			if v := s.Environment[k]; v != nil {
				env.add(k, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: *v})
			} else {
				env.add(k, nullNode())
			}
		}
		o.add("environment", env)
	}
	var envFiles []string
	for _, f := range s.EnvFiles {
		envFiles = append(envFiles, f.Path)
	}
	o.add("env_file", envFiles)
	o.add("expose", []string(s.Expose))
	o.add("external_links", s.ExternalLinks)
	o.add("extra_hosts", s.ExtraHosts.AsList(":"))
	o.add("hostname", s.Hostname)
	if h := s.HealthCheck; h != nil {
		hc := newMap()
		hc.add("test", []string(h.Test))
		hc.add("timeout", duration(h.Timeout))
		hc.add("interval", duration(h.Interval))
		hc.add("retries", h.Retries)
		hc.add("start_period", duration(h.StartPeriod))
		hc.add("start_interval", duration(h.StartInterval))
		hc.add("disable", h.Disable)
		o.add("healthcheck", hc)
	}
	o.add("image", s.Image)
	o.add("init", s.Init)
	o.add("ipc", s.Ipc)
	o.add("isolation", s.Isolation)
	o.add("labels", map[string]string(s.Labels))
	o.add("links", s.Links)
	if l := s.Logging; l != nil {
		lg := newMap()
		lg.add("driver", l.Driver)
		lg.add("options", map[string]string(l.Options))
		o.add("logging", lg)
	}
	o.add("mac_address", s.MacAddress)
	o.add("network_mode", s.NetworkMode)
	if len(s.Networks) > 0 {
		nets := newMap()
		for _, name := range slices.Sorted(maps.Keys(s.Networks)) {
			n := s.Networks[name]
			if n == nil {
				nets.add(name, nullNode())
				continue
			}
			nm := newMap().keep()
			nm.add("aliases", n.Aliases)
			nm.add("ipv4_address", n.Ipv4Address)
			nm.add("ipv6_address", n.Ipv6Address)
			nets.add(name, nm)
		}
		o.add("networks", nets)
	}
	o.add("pid", s.Pid)
	var ports []*yaml.Node
	for _, p := range s.Ports {
		pm := newMap()
		pm.add("mode", p.Mode)
		pm.add("target", p.Target)
		if n, err := strconv.Atoi(p.Published); err == nil {
			pm.add("published", n)
		}
		pm.add("protocol", p.Protocol)
		ports = append(ports, pm.n)
	}
	o.add("ports", seq(ports))
	o.add("privileged", s.Privileged)
	o.add("read_only", s.ReadOnly)
	o.add("restart", s.Restart)
	o.add("secrets", fileRefs(s.Secrets))
	o.add("security_opt", s.SecurityOpt)
	if v, ok := raw["shm_size"]; ok {
		o.add("shm_size", fmt.Sprint(v))
	}
	o.add("stdin_open", s.StdinOpen)
	o.add("stop_grace_period", duration(s.StopGracePeriod))
	o.add("stop_signal", s.StopSignal)
	o.add("sysctls", map[string]string(s.Sysctls))
	o.add("tmpfs", []string(s.Tmpfs))
	o.add("tty", s.Tty)
	if len(s.Ulimits) > 0 {
		ul := newMap()
		for _, name := range slices.Sorted(maps.Keys(s.Ulimits)) {
			u := s.Ulimits[name]
			if u.Single != 0 {
				ul.add(name, u.Single)
				continue
			}
			um := newMap()
			um.add("soft", u.Soft)
			um.add("hard", u.Hard)
			ul.add(name, um)
		}
		o.add("ulimits", ul)
	}
	o.add("user", s.User)
	o.add("userns_mode", s.UserNSMode)
	var vols []*yaml.Node
	for _, v := range s.Volumes {
		vm := newMap()
		vm.add("type", v.Type)
		vm.add("source", v.Source)
		vm.add("target", v.Target)
		vm.add("read_only", v.ReadOnly)
		vm.add("consistency", v.Consistency)
		if b := v.Bind; b != nil && b.Propagation != "" {
			vm.add("bind", map[string]string{"propagation": b.Propagation})
		}
		if vv := v.Volume; vv != nil && vv.NoCopy {
			vm.add("volume", map[string]bool{"nocopy": true})
		}
		if t := v.Tmpfs; t != nil && t.Size != 0 {
			vm.add("tmpfs", map[string]int64{"size": int64(t.Size)})
		}
		vols = append(vols, vm.n)
	}
	o.add("volumes", seq(vols))
	o.add("working_dir", s.WorkingDir)
	addExtensions(o, raw)
	return o
}

// addExtensions copies the x-* keys, as written.
func addExtensions(o omap, raw map[string]any) {
	for _, k := range slices.Sorted(maps.Keys(raw)) {
		if strings.HasPrefix(k, "x-") {
			o.add(k, raw[k])
		}
	}
}

func seq(items []*yaml.Node) *yaml.Node {
	if len(items) == 0 {
		return nil
	}
	return &yaml.Node{Kind: yaml.SequenceNode, Content: items}
}

func fileRefs[T types.ServiceSecretConfig | types.ServiceConfigObjConfig](refs []T) *yaml.Node {
	var items []*yaml.Node
	for _, r := range refs {
		f := types.FileReferenceConfig(r)
		m := newMap()
		m.add("source", f.Source)
		m.add("target", f.Target)
		m.add("uid", f.UID)
		m.add("gid", f.GID)
		if f.Mode != nil {
			m.add("mode", int64(*f.Mode))
		}
		items = append(items, m.n)
	}
	return seq(items)
}

func deployYAML(d *types.DeployConfig) omap {
	o := newMap().keep()
	o.add("mode", d.Mode)
	o.add("replicas", d.Replicas)
	o.add("labels", map[string]string(d.Labels))
	o.add("update_config", updateYAML(d.UpdateConfig))
	o.add("rollback_config", updateYAML(d.RollbackConfig))
	res := newMap()
	res.add("limits", resourceYAML(d.Resources.Limits))
	res.add("reservations", resourceYAML(d.Resources.Reservations))
	o.add("resources", res)
	if r := d.RestartPolicy; r != nil {
		rp := newMap()
		rp.add("condition", r.Condition)
		rp.add("delay", duration(r.Delay))
		rp.add("max_attempts", r.MaxAttempts)
		rp.add("window", duration(r.Window))
		o.add("restart_policy", rp)
	}
	pl := newMap()
	pl.add("constraints", d.Placement.Constraints)
	var prefs []map[string]string
	for _, p := range d.Placement.Preferences {
		prefs = append(prefs, map[string]string{"spread": p.Spread})
	}
	pl.add("preferences", prefs)
	pl.add("max_replicas_per_node", d.Placement.MaxReplicas)
	o.add("placement", pl)
	o.add("endpoint_mode", d.EndpointMode)
	return o
}

func updateYAML(u *types.UpdateConfig) *yaml.Node {
	if u == nil {
		return nil
	}
	o := newMap()
	o.add("parallelism", u.Parallelism)
	o.add("delay", nonZero(u.Delay))
	o.add("failure_action", u.FailureAction)
	o.add("monitor", nonZero(u.Monitor))
	o.add("max_failure_ratio", u.MaxFailureRatio)
	o.add("order", u.Order)
	return o.n
}

func resourceYAML(r *types.Resource) *yaml.Node {
	if r == nil {
		return nil
	}
	o := newMap()
	if r.NanoCPUs != 0 {
		o.add("cpus", strconv.FormatFloat(float64(r.NanoCPUs), 'f', -1, 32))
	}
	o.add("memory", bytesString(r.MemoryBytes))
	o.add("pids", r.Pids)
	var gen []*yaml.Node
	for _, g := range r.GenericResources {
		if d := g.DiscreteResourceSpec; d != nil {
			spec := newMap()
			spec.add("kind", d.Kind)
			spec.add("value", d.Value)
			gm := newMap()
			gm.add("discrete_resource_spec", spec)
			gen = append(gen, gm.n)
		}
	}
	o.add("generic_resources", seq(gen))
	return o.n
}
