package service

import (
	"errors"
	"slices"

	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/opts"
)

// newSpec is what create sends before any option: the reference always
// sends these (empty) parts.
func newSpec() engine.ServiceSpec {
	no := false
	return engine.ServiceSpec{
		Annotations: engine.Annotations{Labels: map[string]string{}},
		TaskTemplate: engine.TaskSpec{
			ContainerSpec: &engine.ContainerSpec{Init: &no, DNSConfig: &engine.DNSConfig{}},
			Resources:     &engine.ResourceRequirements{Limits: &engine.Limit{}, Reservations: &engine.SwarmResources{}},
			Placement:     &engine.Placement{},
		},
		EndpointSpec: &engine.EndpointSpec{Mode: "vip"},
	}
}

// apply writes the options given into spec: all of them into a new
// service's spec, the ones set (and the --X-add/--X-rm) into the spec of
// the service updated. Image and mode are the caller's.
func (o *serviceOptions) apply(spec *engine.ServiceSpec, r resolved) error {
	set := o.changed
	t := &spec.TaskTemplate
	if t.ContainerSpec == nil {
		t.ContainerSpec = &engine.ContainerSpec{}
	}
	if err := o.applyContainer(t.ContainerSpec, r); err != nil {
		return err
	}
	if spec.Labels == nil {
		spec.Labels = map[string]string{}
	}
	updateMap(spec.Labels, o.labels.Values(), o.labelsRm.Values())
	if err := o.applyResources(t); err != nil {
		return err
	}
	o.applyPlacement(t)
	o.applyRestart(t)
	nets, err := updateNetworks(t.Networks, r)
	if err != nil {
		return err
	}
	t.Networks = nets
	if set("log-driver") {
		t.LogDriver = &engine.SwarmDriver{Name: o.logDriver, Options: opts.KeyValueMap(o.logOpts.Values())}
		if len(t.LogDriver.Options) == 0 {
			t.LogDriver.Options = nil
		}
	}
	if o.force {
		t.ForceUpdate++
	}
	spec.UpdateConfig = o.updatePolicy.apply(spec.UpdateConfig, "update", set)
	spec.RollbackConfig = o.rollbackPolicy.apply(spec.RollbackConfig, "rollback", set)
	if set("endpoint-mode") || len(o.publish.Values()) > 0 || len(o.publishRm.Values()) > 0 {
		if spec.EndpointSpec == nil {
			spec.EndpointSpec = &engine.EndpointSpec{}
		}
		if set("endpoint-mode") {
			spec.EndpointSpec.Mode = o.endpointMode
		}
		spec.EndpointSpec.Ports = updatePorts(spec.EndpointSpec.Ports, o.publish.Values(), o.publishRm.Values(), o.update)
	}
	return o.applyMode(&spec.Mode)
}

func (o *serviceOptions) applyContainer(cs *engine.ContainerSpec, r resolved) error {
	set := o.changed
	setString := func(name string, dst *string, v string) {
		if set(name) {
			*dst = v
		}
	}
	setString("hostname", &cs.Hostname, o.hostname)
	setString("workdir", &cs.Dir, o.workdir)
	setString("user", &cs.User, o.user)
	setString("stop-signal", &cs.StopSignal, o.stopSignal)
	setString("isolation", &cs.Isolation, o.isolation)
	if set("args") {
		cs.Args = o.args.Words()
	}
	if set("entrypoint") {
		cs.Command = o.entrypoint.Words()
	}
	if set("init") {
		cs.Init = &o.init
	}
	if set("tty") {
		cs.TTY = o.tty
	}
	if set("read-only") {
		cs.ReadOnly = o.readOnly
	}
	if set("oom-score-adj") {
		cs.OomScoreAdj = o.oomScoreAdj
	}
	if set("stop-grace-period") {
		cs.StopGracePeriod = &o.stopGrace
	}
	env, err := o.envValues()
	if err != nil {
		return err
	}
	cs.Env = updateEnv(cs.Env, env, o.envRm.Values())
	if len(o.containerLabels.Values())+len(o.containerLabelsRm.Values()) > 0 {
		if cs.Labels == nil {
			cs.Labels = map[string]string{}
		}
		updateMap(cs.Labels, o.containerLabels.Values(), o.containerLabelsRm.Values())
	}
	if len(o.sysctls.Values())+len(o.sysctlsRm.Values()) > 0 {
		if cs.Sysctls == nil {
			cs.Sysctls = map[string]string{}
		}
		updateMap(cs.Sysctls, o.sysctls.Values(), o.sysctlsRm.Values())
	}
	cs.Groups = updateList(cs.Groups, o.groups.Values(), o.groupsRm.Values(), false)
	cs.Hosts = updateHosts(cs.Hosts, o.hosts.Values(), o.hostsRm.Values())
	cs.Mounts = updateMounts(cs.Mounts, o.mounts.Values(), o.mountsRm.Values(), o.update)
	cs.Ulimits = updateUlimits(cs.Ulimits, o.ulimits.Values(), o.ulimitsRm.Values())
	cs.CapabilityAdd, cs.CapabilityDrop = updateCapabilities(cs.CapabilityAdd, cs.CapabilityDrop, o.capAdd.Values(), o.capDrop.Values())
	if n := len(o.dns.Values()) + len(o.dnsRm.Values()) + len(o.dnsOptions.Values()) + len(o.dnsOptionsRm.Values()) +
		len(o.dnsSearch.Values()) + len(o.dnsSearchRm.Values()); n > 0 || cs.DNSConfig != nil {
		if cs.DNSConfig == nil {
			cs.DNSConfig = &engine.DNSConfig{}
		}
		dc := cs.DNSConfig
		dc.Nameservers = updateList(dc.Nameservers, o.dns.Values(), o.dnsRm.Values(), o.update)
		dc.Options = updateList(dc.Options, o.dnsOptions.Values(), o.dnsOptionsRm.Values(), o.update)
		dc.Search = updateList(dc.Search, o.dnsSearch.Values(), o.dnsSearchRm.Values(), o.update)
	}
	cs.Secrets = updateSecrets(cs.Secrets, r.secrets, o.secretsRm.Values())
	cs.Configs = updateConfigs(cs.Configs, r.configs, o.configsRm.Values())
	if set("credential-spec") {
		if cs.Privileges == nil {
			cs.Privileges = &engine.Privileges{}
		}
		c := &engine.CredentialSpec{}
		switch o.credSpec.Kind {
		case "config":
			c.Config = r.credSpecConfig
		case "file":
			c.File = o.credSpec.Value
		case "registry":
			c.Registry = o.credSpec.Value
		}
		cs.Privileges.CredentialSpec = c
	}
	return o.applyHealth(cs)
}

// envValues are the variables to add: those of the --env-files, then --env.
func (o *serviceOptions) envValues() ([]string, error) {
	var env []string
	for _, f := range o.envFile.Values() {
		vars, err := opts.ReadEnvFile(f, nil)
		if err != nil {
			return nil, err
		}
		env = append(env, vars...)
	}
	return append(env, o.env.Values()...), nil
}

// applyHealth changes the healthcheck field by field: an update keeps the
// parts not given.
func (o *serviceOptions) applyHealth(cs *engine.ContainerSpec) error {
	names := []string{"health-cmd", "health-interval", "health-retries", "health-start-interval", "health-start-period", "health-timeout"}
	given := slices.ContainsFunc(names, o.changed)
	if !given && !o.changed("no-healthcheck") {
		return nil
	}
	if o.changed("no-healthcheck") && o.health.Disable {
		if given {
			return errors.New("--no-healthcheck conflicts with --health-* options")
		}
		cs.Healthcheck = &engine.HealthConfig{Test: []string{"NONE"}}
		return nil
	}
	h, err := o.health.Config()
	if err != nil || h == nil {
		return err
	}
	if cs.Healthcheck != nil && o.update {
		old := *cs.Healthcheck
		if len(old.Test) == 1 && old.Test[0] == "NONE" {
			old.Test = nil
		}
		merged := old
		if o.changed("health-cmd") {
			merged.Test = h.Test
		}
		for name, f := range map[string]func(){
			"health-interval":       func() { merged.Interval = h.Interval },
			"health-timeout":        func() { merged.Timeout = h.Timeout },
			"health-retries":        func() { merged.Retries = h.Retries },
			"health-start-period":   func() { merged.StartPeriod = h.StartPeriod },
			"health-start-interval": func() { merged.StartInterval = h.StartInterval },
		} {
			if o.changed(name) {
				f()
			}
		}
		h = &merged
	}
	cs.Healthcheck = h
	return nil
}

func (o *serviceOptions) applyResources(t *engine.TaskSpec) error {
	set := o.changed
	var generic []engine.GenericResource
	for _, v := range o.genericResources.Values() {
		g, err := opts.GenericResource(v)
		if err != nil {
			return err
		}
		generic = append(generic, g)
	}
	if !slices.ContainsFunc([]string{"limit-cpu", "limit-memory", "limit-pids", "reserve-cpu", "reserve-memory"}, set) &&
		len(generic)+len(o.genericResourcesRm.Values()) == 0 {
		return nil
	}
	if t.Resources == nil {
		t.Resources = &engine.ResourceRequirements{}
	}
	r := t.Resources
	if r.Limits == nil {
		r.Limits = &engine.Limit{}
	}
	if r.Reservations == nil {
		r.Reservations = &engine.SwarmResources{}
	}
	setInt := func(name string, dst *int64, v int64) {
		if set(name) {
			*dst = v
		}
	}
	setInt("limit-cpu", &r.Limits.NanoCPUs, o.limitCPU.Value())
	setInt("limit-memory", &r.Limits.MemoryBytes, o.limitMem.Value())
	setInt("limit-pids", &r.Limits.Pids, o.limitPids)
	setInt("reserve-cpu", &r.Reservations.NanoCPUs, o.reserveCPU.Value())
	setInt("reserve-memory", &r.Reservations.MemoryBytes, o.reserveMem.Value())
	r.Reservations.GenericResources = updateGeneric(r.Reservations.GenericResources, generic, o.genericResourcesRm.Values())
	return nil
}

func (o *serviceOptions) applyPlacement(t *engine.TaskSpec) {
	if len(o.constraints.Values())+len(o.constraintsRm.Values())+len(o.prefs.Values())+len(o.prefsRm.Values()) == 0 &&
		!o.changed("replicas-max-per-node") {
		return
	}
	if t.Placement == nil {
		t.Placement = &engine.Placement{}
	}
	p := t.Placement
	p.Constraints = updateList(p.Constraints, o.constraints.Values(), o.constraintsRm.Values(), o.update)
	p.Preferences = updatePrefs(p.Preferences, o.prefs.Values(), o.prefsRm.Values())
	if o.changed("replicas-max-per-node") {
		p.MaxReplicas = o.maxReplicas
	}
}

// applyRestart fills the restart policy when a --restart-* flag is given:
// from the daemon's defaults when the service has none.
func (o *serviceOptions) applyRestart(t *engine.TaskSpec) {
	set := o.changed
	if !slices.ContainsFunc([]string{"restart-condition", "restart-delay", "restart-max-attempts", "restart-window"}, set) {
		return
	}
	if t.RestartPolicy == nil {
		delay, attempts := defaultRestartDelay, uint64(0)
		t.RestartPolicy = &engine.SwarmRestartPolicy{Condition: "any", Delay: &delay, MaxAttempts: &attempts}
	}
	p := t.RestartPolicy
	if set("restart-condition") {
		p.Condition = o.restartCondition
	}
	if set("restart-delay") {
		p.Delay = &o.restartDelay
	}
	if set("restart-max-attempts") {
		p.MaxAttempts = &o.restartMaxAttempts
	}
	if set("restart-window") {
		p.Window = &o.restartWindow
	}
}

// apply fills an update or rollback policy when one of its flags is given:
// from the defaults when the service has none.
func (p *policyOptions) apply(c *engine.ServiceUpdateConfig, prefix string, set func(string) bool) *engine.ServiceUpdateConfig {
	flag := func(name string) bool { return set(prefix + "-" + name) }
	if !slices.ContainsFunc([]string{"parallelism", "delay", "monitor", "failure-action", "order", "max-failure-ratio"}, flag) {
		return c
	}
	if c == nil {
		c = &engine.ServiceUpdateConfig{Parallelism: 1, FailureAction: "pause", Monitor: defaultMonitor, Order: "stop-first"}
	}
	if flag("parallelism") {
		c.Parallelism = p.parallelism
	}
	if flag("delay") {
		c.Delay = p.delay
	}
	if flag("monitor") {
		c.Monitor = p.monitor
	}
	if flag("failure-action") {
		c.FailureAction = p.failureAction
	}
	if flag("order") {
		c.Order = p.order
	}
	if flag("max-failure-ratio") {
		c.MaxFailureRatio = float32(p.maxFailureRatio)
	}
	return c
}

// applyMode sets the replica count (and, on create, the mode).
func (o *serviceOptions) applyMode(m *engine.ServiceMode) error {
	set := o.changed
	if !o.update {
		switch o.mode {
		case "replicated":
			m.Replicated = &engine.ReplicatedService{}
		case "global":
			m.Global = &struct{}{}
		case "replicated-job":
			m.ReplicatedJob = &engine.ReplicatedJob{}
		case "global-job":
			m.GlobalJob = &struct{}{}
		default:
			return checkMode(o.mode)
		}
	}
	if set("replicas") {
		switch {
		case m.Replicated != nil:
			m.Replicated.Replicas = &o.replicas
		case o.update:
			return errors.New("replicas can only be used with replicated mode")
		case m.ReplicatedJob != nil:
			m.ReplicatedJob.TotalCompletions = &o.replicas
			if !set("max-concurrent") {
				m.ReplicatedJob.MaxConcurrent = &o.replicas
			}
		default:
			return errors.New("replicas can only be used with replicated or replicated-job mode")
		}
	}
	if set("max-concurrent") {
		switch {
		case m.ReplicatedJob != nil:
			m.ReplicatedJob.MaxConcurrent = &o.maxConcurrent
		case !o.update: // an update leaves other modes alone
			return errors.New("max-concurrent can only be used with replicated-job mode")
		}
	}
	if set("replicas-max-per-node") && !o.update && m.Replicated == nil && m.ReplicatedJob == nil {
		return errors.New("replicas-max-per-node can only be used with replicated or replicated-job mode")
	}
	return nil
}

// checkMode refuses a --mode that is none of the four.
func checkMode(mode string) error {
	switch mode {
	case "replicated", "global", "replicated-job", "global-job":
		return nil
	}
	return errors.New("Unknown mode: " + mode + ", only replicated and global supported")
}
