package stack

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/compose-spec/compose-go/v2/types"

	"github.com/dockerclone/docker/cli/compose"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/opts"
	"github.com/dockerclone/docker/cli/service"
)

// The labels that tie objects to their stack.
const (
	namespaceLabel = "com.docker.stack.namespace"
	imageLabel     = "com.docker.stack.image"
)

// namespace names a stack's objects: "<stack>_<name>".
type namespace string

func (ns namespace) scope(name string) string { return string(ns) + "_" + name }

// name is the swarm name of a stack's network, volume, secret or config:
// the name it declares (an external one is named by its key), else scoped.
func (ns namespace) name(key, declared string) string { return cmpOr(declared, ns.scope(key)) }

func (ns namespace) labels(extra map[string]string) map[string]string {
	l := maps.Clone(extra)
	if l == nil {
		l = map[string]string{}
	}
	l[namespaceLabel] = string(ns)
	return l
}

// objectRefs are the IDs of the stack's secrets and configs by their
// swarm names, for the services' references.
type objectRefs struct {
	secrets, configs map[string]string
	model            *compose.Model
}

// serviceSpec turns one compose service into the swarm service spec the
// reference sends.
func serviceSpec(ns namespace, s *types.ServiceConfig, refs objectRefs) (engine.ServiceSpec, error) {
	deploy := s.Deploy
	if deploy == nil {
		deploy = &types.DeployConfig{}
	}
	cs := &engine.ContainerSpec{
		Image:          service.NormalizeImage(s.Image),
		Labels:         ns.labels(s.Labels),
		Command:        s.Entrypoint,
		Args:           s.Command,
		Hostname:       s.Hostname,
		Env:            envList(s.Environment),
		Dir:            s.WorkingDir,
		User:           s.User,
		Privileges:     &engine.Privileges{},
		Init:           s.Init,
		StopSignal:     s.StopSignal,
		TTY:            s.Tty,
		OpenStdin:      s.StdinOpen,
		ReadOnly:       s.ReadOnly,
		Isolation:      s.Isolation,
		Hosts:          hosts(s.ExtraHosts),
		Healthcheck:    healthcheck(s.HealthCheck),
		CapabilityAdd:  capabilities(s.CapAdd),
		CapabilityDrop: capabilities(s.CapDrop),
		Ulimits:        ulimits(s.Ulimits),
	}
	if len(s.Sysctls) > 0 {
		cs.Sysctls = s.Sysctls
	}
	if s.StopGracePeriod != nil {
		d := time.Duration(*s.StopGracePeriod)
		cs.StopGracePeriod = &d
	}
	if len(s.DNS)+len(s.DNSSearch) > 0 {
		cs.DNSConfig = &engine.DNSConfig{Nameservers: s.DNS, Search: s.DNSSearch}
	}
	if c := s.CredentialSpec; c != nil {
		cs.Privileges.CredentialSpec = &engine.CredentialSpec{Config: c.Config, File: c.File, Registry: c.Registry}
	}
	var err error
	if cs.Mounts, err = mounts(ns, s.Volumes, refs.model.Volumes); err != nil {
		return engine.ServiceSpec{}, err
	}
	if cs.Secrets, err = secretRefs(ns, s, refs); err != nil {
		return engine.ServiceSpec{}, err
	}
	if cs.Configs, err = configRefs(ns, s, refs); err != nil {
		return engine.ServiceSpec{}, err
	}
	spec := engine.ServiceSpec{
		Annotations: engine.Annotations{Name: ns.scope(s.Name), Labels: ns.labels(deploy.Labels)},
		TaskTemplate: engine.TaskSpec{
			ContainerSpec: cs,
			Resources:     resources(deploy.Resources),
			RestartPolicy: restartPolicy(deploy.RestartPolicy),
			Placement:     placement(deploy.Placement),
		},
		UpdateConfig:   updateConfig(deploy.UpdateConfig),
		RollbackConfig: updateConfig(deploy.RollbackConfig),
		EndpointSpec:   &engine.EndpointSpec{Mode: deploy.EndpointMode, Ports: ports(s.Ports)},
	}
	spec.Labels[imageLabel] = s.Image
	if spec.TaskTemplate.Networks, err = serviceNetworks(ns, s, refs.model.Networks); err != nil {
		return engine.ServiceSpec{}, err
	}
	if l := s.Logging; l != nil {
		spec.TaskTemplate.LogDriver = &engine.SwarmDriver{Name: l.Driver, Options: l.Options}
	}
	spec.Mode, err = mode(deploy)
	return spec, err
}

func capabilities(caps []string) []string {
	var out []string
	for _, c := range caps {
		out = append(out, opts.NormalizeCapability(c))
	}
	return out
}

// envList is the environment as "KEY=value" ("KEY" when unset), sorted.
func envList(env types.MappingWithEquals) []string {
	var out []string
	for _, k := range slices.Sorted(maps.Keys(env)) {
		if v := env[k]; v != nil {
			out = append(out, k+"="+*v)
		} else {
			out = append(out, k)
		}
	}
	return out
}

// hosts are /etc/hosts lines, "IP host".
func hosts(h types.HostsList) []string {
	var out []string
	for _, host := range slices.Sorted(maps.Keys(h)) {
		for _, ip := range h[host] {
			out = append(out, ip+" "+host)
		}
	}
	return out
}

func healthcheck(h *types.HealthCheckConfig) *engine.HealthConfig {
	if h == nil {
		return nil
	}
	if h.Disable {
		return &engine.HealthConfig{Test: []string{"NONE"}}
	}
	dur := func(d *types.Duration) time.Duration {
		if d == nil {
			return 0
		}
		return time.Duration(*d)
	}
	hc := &engine.HealthConfig{Test: h.Test, Interval: dur(h.Interval), Timeout: dur(h.Timeout),
		StartPeriod: dur(h.StartPeriod), StartInterval: dur(h.StartInterval)}
	if h.Retries != nil {
		hc.Retries = int(*h.Retries)
	}
	return hc
}

func ulimits(u map[string]*types.UlimitsConfig) []*engine.Ulimit {
	var out []*engine.Ulimit
	for _, name := range slices.Sorted(maps.Keys(u)) {
		l := u[name]
		if l.Single != 0 {
			out = append(out, &engine.Ulimit{Name: name, Soft: int64(l.Single), Hard: int64(l.Single)})
		} else {
			out = append(out, &engine.Ulimit{Name: name, Soft: int64(l.Soft), Hard: int64(l.Hard)})
		}
	}
	return out
}

// mounts turns the service's volumes into mounts: a named volume becomes
// the stack's volume (labelled, with its driver) unless it is external.
func mounts(ns namespace, vols []types.ServiceVolumeConfig, declared types.Volumes) ([]engine.Mount, error) {
	var out []engine.Mount
	for _, v := range vols {
		m := engine.Mount{Type: v.Type, Source: v.Source, Target: v.Target, ReadOnly: v.ReadOnly, Consistency: v.Consistency}
		switch v.Type {
		case "volume":
			if v.Source == "" {
				break
			}
			decl, ok := declared[v.Source]
			if !ok {
				return nil, fmt.Errorf("undefined volume %q", v.Source)
			}
			opts := &engine.VolumeOptions{}
			if v.Volume != nil {
				opts.NoCopy = v.Volume.NoCopy
			}
			m.Source = ns.name(v.Source, decl.Name)
			if !bool(decl.External) {
				opts.Labels = ns.labels(decl.Labels)
				if decl.Driver != "" || len(decl.DriverOpts) > 0 {
					opts.DriverConfig = &engine.MountDriver{Name: decl.Driver, Options: decl.DriverOpts}
				}
			}
			if opts.NoCopy || opts.Labels != nil || opts.DriverConfig != nil {
				m.VolumeOptions = opts
			}
		case "bind":
			if b := v.Bind; b != nil && b.Propagation != "" {
				m.BindOptions = &engine.BindOptions{Propagation: b.Propagation}
			}
		case "tmpfs":
			if t := v.Tmpfs; t != nil && t.Size != 0 {
				m.TmpfsOptions = &engine.TmpfsOptions{SizeBytes: int64(t.Size)}
			}
		}
		out = append(out, m)
	}
	return out, nil
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// fileTarget is where a secret or config appears: the target given or
// its name, root's, mode 0444 unless said otherwise.
func fileTarget(r types.FileReferenceConfig) *engine.FileTarget {
	f := &engine.FileTarget{Name: cmpOr(r.Target, r.Source), UID: cmpOr(r.UID, "0"), GID: cmpOr(r.GID, "0"), Mode: 0o444}
	if r.Mode != nil {
		f.Mode = uint32(*r.Mode)
	}
	return f
}

func secretRefs(ns namespace, s *types.ServiceConfig, refs objectRefs) ([]*engine.SecretReference, error) {
	var out []*engine.SecretReference
	err := eachFileRef(ns, s.Name, "secret", s.Secrets, refs.model.Secrets, refs.secrets, func(f *engine.FileTarget, id, name string) {
		out = append(out, &engine.SecretReference{File: f, SecretID: id, SecretName: name})
	})
	return out, err
}

func configRefs(ns namespace, s *types.ServiceConfig, refs objectRefs) ([]*engine.ConfigReference, error) {
	var out []*engine.ConfigReference
	err := eachFileRef(ns, s.Name, "config", s.Configs, refs.model.Configs, refs.configs, func(f *engine.FileTarget, id, name string) {
		out = append(out, &engine.ConfigReference{File: f, ConfigID: id, ConfigName: name})
	})
	return out, err
}

// eachFileRef resolves a service's secrets (or configs) to the stack's
// objects: their files, IDs and swarm names.
func eachFileRef[R types.ServiceSecretConfig | types.ServiceConfigObjConfig, D types.SecretConfig | types.ConfigObjConfig](
	ns namespace, service, kind string, refs []R, declared map[string]D, ids map[string]string, add func(*engine.FileTarget, string, string),
) error {
	for _, r := range refs {
		ref := types.FileReferenceConfig(r)
		decl, ok := declared[ref.Source]
		if !ok {
			return fmt.Errorf("service %s: undefined %s %q", service, kind, ref.Source)
		}
		name := ns.name(ref.Source, types.FileObjectConfig(decl).Name)
		add(fileTarget(ref), ids[name], name)
	}
	return nil
}

func resources(r types.Resources) *engine.ResourceRequirements {
	out := &engine.ResourceRequirements{}
	if l := r.Limits; l != nil {
		out.Limits = &engine.Limit{NanoCPUs: nanoCPUs(l.NanoCPUs), MemoryBytes: int64(l.MemoryBytes), Pids: l.Pids}
	}
	if res := r.Reservations; res != nil {
		out.Reservations = &engine.SwarmResources{NanoCPUs: nanoCPUs(res.NanoCPUs), MemoryBytes: int64(res.MemoryBytes)}
		for _, g := range res.GenericResources {
			if d := g.DiscreteResourceSpec; d != nil {
				out.Reservations.GenericResources = append(out.Reservations.GenericResources,
					engine.GenericResource{DiscreteResourceSpec: &engine.DiscreteGenericResource{Kind: d.Kind, Value: d.Value}})
			}
		}
	}
	return out
}

// nanoCPUs reads a CPU count as written ("0.5") in billionths.
func nanoCPUs(c types.NanoCPUs) int64 {
	f, _ := strconv.ParseFloat(strconv.FormatFloat(float64(c), 'f', -1, 32), 64)
	return int64(f*1e9 + 0.5)
}

func restartPolicy(p *types.RestartPolicy) *engine.SwarmRestartPolicy {
	if p == nil {
		return nil
	}
	out := &engine.SwarmRestartPolicy{Condition: p.Condition, MaxAttempts: p.MaxAttempts}
	if p.Delay != nil {
		d := time.Duration(*p.Delay)
		out.Delay = &d
	}
	if p.Window != nil {
		w := time.Duration(*p.Window)
		out.Window = &w
	}
	return out
}

func placement(p types.Placement) *engine.Placement {
	out := &engine.Placement{Constraints: p.Constraints, MaxReplicas: p.MaxReplicas}
	for _, pref := range p.Preferences {
		out.Preferences = append(out.Preferences, engine.PlacementPreference{Spread: &engine.SpreadOver{SpreadDescriptor: pref.Spread}})
	}
	return out
}

func updateConfig(u *types.UpdateConfig) *engine.ServiceUpdateConfig {
	if u == nil {
		return nil
	}
	out := &engine.ServiceUpdateConfig{Parallelism: 1, Delay: time.Duration(u.Delay), FailureAction: u.FailureAction,
		Monitor: time.Duration(u.Monitor), MaxFailureRatio: u.MaxFailureRatio, Order: u.Order}
	if u.Parallelism != nil {
		out.Parallelism = *u.Parallelism
	}
	return out
}

func ports(ps []types.ServicePortConfig) []engine.PortConfig {
	var out []engine.PortConfig
	for _, p := range ps {
		published, _ := strconv.ParseUint(p.Published, 10, 32)
		out = append(out, engine.PortConfig{Protocol: p.Protocol, TargetPort: p.Target, PublishedPort: uint32(published), PublishMode: cmpOr(p.Mode, "ingress")})
	}
	return out
}

// serviceNetworks attaches the service to its networks (the stack's
// default network when it names none), aliased by the service's name.
func serviceNetworks(ns namespace, s *types.ServiceConfig, declared types.Networks) ([]engine.NetworkAttachmentConfig, error) {
	nets := s.Networks
	if len(nets) == 0 {
		nets = map[string]*types.ServiceNetworkConfig{"default": nil}
	}
	var out []engine.NetworkAttachmentConfig
	for _, name := range slices.Sorted(maps.Keys(nets)) {
		decl, ok := declared[name]
		if !ok && name != "default" {
			return nil, fmt.Errorf("service %s: undefined network %q", s.Name, name)
		}
		var aliases []string
		if n := nets[name]; n != nil {
			aliases = n.Aliases
		}
		aliases = append(slices.Clone(aliases), s.Name)
		out = append(out, engine.NetworkAttachmentConfig{Target: ns.name(name, decl.Name), Aliases: aliases})
	}
	return out, nil
}

func mode(d *types.DeployConfig) (engine.ServiceMode, error) {
	var replicas *uint64
	if d.Replicas != nil {
		n := uint64(*d.Replicas)
		replicas = &n
	}
	switch strings.ToLower(d.Mode) {
	case "global":
		if replicas != nil {
			return engine.ServiceMode{}, fmt.Errorf("replicas can only be used with replicated or replicated-job mode")
		}
		return engine.ServiceMode{Global: &struct{}{}}, nil
	case "global-job":
		return engine.ServiceMode{GlobalJob: &struct{}{}}, nil
	case "replicated-job":
		return engine.ServiceMode{ReplicatedJob: &engine.ReplicatedJob{MaxConcurrent: replicas, TotalCompletions: replicas}}, nil
	case "replicated", "":
		return engine.ServiceMode{Replicated: &engine.ReplicatedService{Replicas: replicas}}, nil
	}
	return engine.ServiceMode{}, fmt.Errorf("unknown mode: %s", d.Mode)
}
