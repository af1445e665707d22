package service

import (
	"context"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/opts"
)

// serviceOptions are the flags service create and update share. Update
// takes each list flag as --X-add and --X-rm (the "add" side is the field
// create fills); apply writes what was given into a spec.
type serviceOptions struct {
	update  bool
	changed func(name string) bool

	name, mode, image string // --name, --mode: create; --image: update
	args, entrypoint  opts.Command
	envFile           *opts.List

	env, labels, containerLabels, constraints, dns, dnsOptions, dnsSearch *opts.List
	hosts, groups, sysctls, genericResources, capAdd, capDrop, logOpts    *opts.List
	mounts                                                                opts.Mounts
	ulimits                                                               opts.Ulimits
	networks                                                              opts.Networks
	publish                                                               *opts.Repeated[engine.PortConfig]
	secrets, configs                                                      *opts.Repeated[opts.FileRef]
	prefs                                                                 *opts.Repeated[engine.PlacementPreference]

	// The --X-rm of update.
	envRm, labelsRm, containerLabelsRm, constraintsRm, dnsRm, dnsOptionsRm, dnsSearchRm *opts.List
	hostsRm, groupsRm, sysctlsRm, genericResourcesRm, mountsRm, ulimitsRm, networksRm   *opts.List
	secretsRm, configsRm                                                                *opts.List
	publishRm                                                                           *opts.Repeated[engine.PortConfig]
	prefsRm                                                                             *opts.Repeated[engine.PlacementPreference]

	hostname, workdir, user, stopSignal, isolation, logDriver, endpointMode string
	init, tty, readOnly                                                     bool
	health                                                                  opts.Health
	stopGrace                                                               time.Duration
	credSpec                                                                opts.CredentialSpec
	oomScoreAdj                                                             int64

	limitCPU, reserveCPU opts.NanoCPUs
	limitMem, reserveMem opts.MemBytes
	limitPids            int64

	restartCondition             string
	restartDelay, restartWindow  time.Duration
	restartMaxAttempts           uint64
	updatePolicy, rollbackPolicy policyOptions

	replicas, maxConcurrent, maxReplicas uint64

	detach, quiet, withRegistryAuth, noResolveImage bool
	force, rollback                                 bool // update
}

// policyOptions are the --update-* or --rollback-* flags.
type policyOptions struct {
	parallelism     uint64
	delay, monitor  time.Duration
	failureAction   string
	order           string
	maxFailureRatio float64
}

// newServiceCommand is a command that runs with the service options
// (create, update, rollback, scale); each declares the flags it takes.
func newServiceCommand(c *cli.CLI, use, short string, args cobra.PositionalArgs,
	run func(ctx context.Context, c *cli.CLI, o *serviceOptions, args []string) error) (*cobra.Command, *serviceOptions) {
	o := &serviceOptions{}
	return cli.Command(use, short, args, func(cmd *cobra.Command, args []string) error { return run(cmd.Context(), c, o, args) }), o
}

// addFlags declares the flags of create, or of update.
func (o *serviceOptions) addFlags(fs *pflag.FlagSet, update bool) {
	o.update = update
	o.changed = fs.Changed
	d := declarer{fs: fs, update: update}
	newList := func(v opts.Validator) *opts.List { return opts.NewList(v) }
	o.env, o.envRm = newList(opts.ValidateEnv), newList(nil)
	o.labels, o.labelsRm = newList(opts.ValidateLabel), newList(nil)
	o.containerLabels, o.containerLabelsRm = newList(opts.ValidateLabel), newList(nil)
	o.constraints, o.constraintsRm = newList(nil), newList(nil)
	o.dns, o.dnsRm = newList(opts.ValidateIPAddress), newList(nil)
	o.dnsOptions, o.dnsOptionsRm = newList(nil), newList(nil)
	o.dnsSearch, o.dnsSearchRm = newList(nil), newList(nil)
	o.hosts, o.hostsRm = newList(opts.ValidateExtraHost), newList(nil)
	o.groups, o.groupsRm = newList(nil), newList(nil)
	o.sysctls, o.sysctlsRm = newList(nil), newList(nil)
	o.genericResources, o.genericResourcesRm = newList(opts.ValidateGenericResource), newList(nil)
	o.mountsRm, o.ulimitsRm, o.networksRm = newList(nil), newList(nil), newList(nil)
	o.secretsRm, o.configsRm = newList(nil), newList(nil)
	o.capAdd, o.capDrop, o.logOpts, o.envFile = newList(nil), newList(nil), newList(nil), newList(nil)
	o.publish = opts.NewRepeated("port", opts.ParsePortConfigs)
	o.publishRm = opts.NewRepeated("port", opts.ParsePortConfigs)
	o.secrets = opts.NewRepeated("secret", opts.One(opts.ParseFileRef("secret")))
	o.configs = opts.NewRepeated("config", opts.One(opts.ParseFileRef("config")))
	o.prefs = opts.NewRepeated("pref", opts.One(opts.ParsePlacementPref))
	o.prefsRm = opts.NewRepeated("pref", opts.One(opts.ParsePlacementPref))

	if update {
		fs.Var(&o.args, "args", "Service command args")
		fs.BoolVar(&o.force, "force", false, "Force update even if no changes require it")
		fs.StringVar(&o.image, "image", "", "Service image tag")
		fs.BoolVar(&o.rollback, "rollback", false, "Rollback to previous specification")
		cli.MinAPI(fs, "1.25", "force", "rollback")
	} else {
		fs.Var(o.envFile, "env-file", "Read in a file of environment variables")
		fs.StringVar(&o.mode, "mode", "replicated", `Service mode ("replicated", "global", "replicated-job", "global-job")`)
		fs.StringVar(&o.name, "name", "", "Service name")
	}
	fs.Var(o.capAdd, "cap-add", "Add Linux capabilities")
	fs.Var(o.capDrop, "cap-drop", "Drop Linux capabilities")
	cli.MinAPI(fs, "1.41", "cap-add", "cap-drop")
	d.lists("config", "", o.configs, o.configsRm, "1.30", "Specify configurations to expose to the service", "Add or update a config file on a service", "Remove a configuration file")
	d.lists("constraint", "", o.constraints, o.constraintsRm, "", "Placement constraints", "Add or update a placement constraint", "Remove a constraint")
	d.lists("container-label", "", o.containerLabels, o.containerLabelsRm, "", "Container labels", "Add or update a container label", "Remove a container label by its key")
	fs.Var(&o.credSpec, "credential-spec", "Credential spec for managed service account (Windows only)")
	fs.BoolVarP(&o.detach, "detach", "d", false, "Exit immediately instead of waiting for the service to converge")
	cli.MinAPI(fs, "1.29", "credential-spec", "detach")
	d.lists("dns", "", o.dns, o.dnsRm, "1.25", "Set custom DNS servers", "Add or update a custom DNS server", "Remove a custom DNS server")
	d.lists("dns-option", "", o.dnsOptions, o.dnsOptionsRm, "1.25", "Set DNS options", "Add or update a DNS option", "Remove a DNS option")
	d.lists("dns-search", "", o.dnsSearch, o.dnsSearchRm, "1.25", "Set custom DNS search domains", "Add or update a custom DNS search domain", "Remove a DNS search domain")
	fs.StringVar(&o.endpointMode, "endpoint-mode", "", "Endpoint mode (vip or dnsrr)")
	fs.Var(&o.entrypoint, "entrypoint", "Overwrite the default ENTRYPOINT of the image")
	d.lists("env", "e", o.env, o.envRm, "", "Set environment variables", "Add or update an environment variable", "Remove an environment variable")
	d.lists("generic-resource", "", o.genericResources, o.genericResourcesRm, "", "User defined resources", "Add a Generic resource", "Remove a Generic resource")
	d.lists("group", "", o.groups, o.groupsRm, "1.25", "Set one or more supplementary user groups for the container", "Add an additional supplementary user group to the container", "Remove a previously added supplementary user group from the container")
	fs.StringVar(&o.health.Cmd, "health-cmd", "", "Command to run to check health")
	fs.DurationVar(&o.health.Interval, "health-interval", 0, "Time between running the check (ms|s|m|h)")
	fs.IntVar(&o.health.Retries, "health-retries", 0, "Consecutive failures needed to report unhealthy")
	fs.DurationVar(&o.health.StartInterval, "health-start-interval", 0, "Time between running the check during the start period (ms|s|m|h)")
	fs.DurationVar(&o.health.StartPeriod, "health-start-period", 0, "Start period for the container to initialize before counting retries towards unstable (ms|s|m|h)")
	fs.DurationVar(&o.health.Timeout, "health-timeout", 0, "Maximum time to allow one check to run (ms|s|m|h)")
	cli.MinAPI(fs, "1.25", "health-cmd", "health-interval", "health-retries", "health-timeout")
	cli.MinAPI(fs, "1.29", "health-start-period")
	cli.MinAPI(fs, "1.44", "health-start-interval")
	d.lists("host", "", o.hosts, o.hostsRm, "1.25", "Set one or more custom host-to-IP mappings (host:ip)", `Add a custom host-to-IP mapping ("host:ip")`, `Remove a custom host-to-IP mapping ("host:ip")`)
	if update {
		cli.MinAPI(fs, "1.32", "host-add")
	}
	fs.StringVar(&o.hostname, "hostname", "", "Container hostname")
	fs.BoolVar(&o.init, "init", false, "Use an init inside each service container to forward signals and reap processes")
	fs.StringVar(&o.isolation, "isolation", "", "Service container isolation mode")
	cli.MinAPI(fs, "1.25", "hostname")
	cli.MinAPI(fs, "1.37", "init")
	cli.MinAPI(fs, "1.35", "isolation")
	d.lists("label", "l", o.labels, o.labelsRm, "", "Service labels", "Add or update a service label", "Remove a label by its key")
	fs.Var(&o.limitCPU, "limit-cpu", "Limit CPUs")
	fs.Var(&o.limitMem, "limit-memory", "Limit Memory")
	fs.Int64Var(&o.limitPids, "limit-pids", 0, "Limit maximum number of processes (default 0 = unlimited)")
	fs.StringVar(&o.logDriver, "log-driver", "", "Logging driver for service")
	fs.Var(o.logOpts, "log-opt", "Logging driver options")
	fs.Uint64Var(&o.maxConcurrent, "max-concurrent", 0, "Number of job tasks to run concurrently (default equal to --replicas)")
	cli.MinAPI(fs, "1.41", "limit-pids", "max-concurrent")
	d.lists("mount", "", &o.mounts, o.mountsRm, "", "Attach a filesystem mount to the service", "Add or update a mount on a service", "Remove a mount by its target path")
	d.lists("network", "", &o.networks, o.networksRm, "", "Network attachments", "Add a network", "Remove a network")
	if update {
		cli.MinAPI(fs, "1.29", "network-add", "network-rm")
	}
	fs.BoolVar(&o.health.Disable, "no-healthcheck", false, "Disable any container-specified HEALTHCHECK")
	fs.BoolVar(&o.noResolveImage, "no-resolve-image", false, "Do not query the registry to resolve image digest and supported platforms")
	fs.Int64Var(&o.oomScoreAdj, "oom-score-adj", 0, "Tune host's OOM preferences (-1000 to 1000) ")
	cli.MinAPI(fs, "1.25", "no-healthcheck")
	cli.MinAPI(fs, "1.30", "no-resolve-image")
	cli.MinAPI(fs, "1.46", "oom-score-adj")
	d.lists("placement-pref", "", o.prefs, o.prefsRm, "1.28", "Add a placement preference", "Add a placement preference", "Remove a placement preference")
	d.lists("publish", "p", o.publish, o.publishRm, "", "Publish a port as a node port", "Add or update a published port", "Remove a published port by its target port")
	fs.BoolVarP(&o.quiet, "quiet", "q", false, "Suppress progress output")
	fs.BoolVar(&o.readOnly, "read-only", false, "Mount the container's root filesystem as read only")
	fs.Uint64Var(&o.replicas, "replicas", 0, "Number of tasks")
	fs.Uint64Var(&o.maxReplicas, "replicas-max-per-node", 0, "Maximum number of tasks per node (default 0 = unlimited)")
	fs.Var(&o.reserveCPU, "reserve-cpu", "Reserve CPUs")
	fs.Var(&o.reserveMem, "reserve-memory", "Reserve Memory")
	cli.MinAPI(fs, "1.28", "read-only")
	cli.MinAPI(fs, "1.40", "replicas-max-per-node")
	fs.StringVar(&o.restartCondition, "restart-condition", "", `Restart when condition is met ("none", "on-failure", "any")`)
	fs.DurationVar(&o.restartDelay, "restart-delay", 0, "Delay between restart attempts (ns|us|ms|s|m|h)")
	fs.Uint64Var(&o.restartMaxAttempts, "restart-max-attempts", 0, "Maximum number of restarts before giving up")
	fs.DurationVar(&o.restartWindow, "restart-window", 0, "Window used to evaluate the restart policy (ns|us|ms|s|m|h)")
	o.rollbackPolicy.addFlags(fs, "rollback", policyHelp{"task rollbacks", `("pause", "continue")`, "a rollback", "Rollback", "rolled back simultaneously (0 to roll back all at once)"})
	cli.MinAPI(fs, "1.28", "rollback-delay", "rollback-failure-action", "rollback-max-failure-ratio", "rollback-monitor", "rollback-parallelism")
	cli.MinAPI(fs, "1.29", "rollback-order")
	d.lists("secret", "", o.secrets, o.secretsRm, "1.25", "Specify secrets to expose to the service", "Add or update a secret on a service", "Remove a secret")
	fs.DurationVar(&o.stopGrace, "stop-grace-period", 0, "Time to wait before force killing a container (ns|us|ms|s|m|h)")
	fs.StringVar(&o.stopSignal, "stop-signal", "", "Signal to stop the container")
	cli.MinAPI(fs, "1.28", "stop-signal")
	d.lists("sysctl", "", o.sysctls, o.sysctlsRm, "1.40", "Sysctl options", "Add or update a Sysctl option", "Remove a Sysctl option")
	fs.BoolVarP(&o.tty, "tty", "t", false, "Allocate a pseudo-TTY")
	cli.MinAPI(fs, "1.25", "tty")
	d.lists("ulimit", "", &o.ulimits, o.ulimitsRm, "1.41", "Ulimit options", "Add or update a ulimit option", "Remove a ulimit option")
	o.updatePolicy.addFlags(fs, "update", policyHelp{"updates", `("pause", "continue", "rollback")`, "an update", "Update", "updated simultaneously (0 to update all at once)"})
	cli.MinAPI(fs, "1.25", "update-max-failure-ratio", "update-monitor")
	cli.MinAPI(fs, "1.29", "update-order")
	fs.StringVarP(&o.user, "user", "u", "", "Username or UID (format: <name|uid>[:<group|gid>])")
	fs.BoolVar(&o.withRegistryAuth, "with-registry-auth", false, "Send registry authentication details to swarm agents")
	fs.StringVarP(&o.workdir, "workdir", "w", "", "Working directory inside the container")
	if !update {
		showCreateDefaults(fs)
	}
}

// policyHelp are the words that differ between the help of the --update-*
// and the --rollback-* flags.
type policyHelp struct{ delays, actions, during, order, parallel string }

// addFlags declares --<p>-delay, -failure-action, -max-failure-ratio,
// -monitor, -order and -parallelism.
func (o *policyOptions) addFlags(fs *pflag.FlagSet, p string, h policyHelp) {
	fs.DurationVar(&o.delay, p+"-delay", 0, "Delay between "+h.delays+" (ns|us|ms|s|m|h)")
	fs.StringVar(&o.failureAction, p+"-failure-action", "", "Action on "+p+" failure "+h.actions)
	fs.Float64Var(&o.maxFailureRatio, p+"-max-failure-ratio", 0, "Failure rate to tolerate during "+h.during)
	fs.DurationVar(&o.monitor, p+"-monitor", 0, "Duration after each task "+p+" to monitor for failure (ns|us|ms|s|m|h)")
	fs.StringVar(&o.order, p+"-order", "", h.order+` order ("start-first", "stop-first")`)
	fs.Uint64Var(&o.parallelism, p+"-parallelism", 0, "Maximum number of tasks "+h.parallel)
}

// showCreateDefaults shows, in create's help, the values the daemon or
// this command falls back to when a flag is not given (they are not sent).
// Like the reference, some are the flag's default and the others are
// written in its usage, which shell completion shows as the description.
func showCreateDefaults(fs *pflag.FlagSet) {
	for name, def := range map[string]string{
		"endpoint-mode": "vip", "mode": "replicated", "rollback-parallelism": "1", "update-parallelism": "1",
	} {
		fs.Lookup(name).DefValue = def
	}
	for name, def := range map[string]string{
		"restart-condition": `"any"`, "restart-delay": "5s", "stop-grace-period": "10s",
		"rollback-failure-action": `"pause"`, "rollback-monitor": "5s", "rollback-order": `"stop-first"`,
		"update-failure-action": `"pause"`, "update-monitor": "5s", "update-order": `"stop-first"`,
		"rollback-delay": "0s", "update-delay": "0s", "rollback-max-failure-ratio": "0", "update-max-failure-ratio": "0",
	} {
		fs.Lookup(name).Usage += " (default " + def + ")"
	}
}

// declarer declares the list flags: X on create, X-add and X-rm on update.
type declarer struct {
	fs     *pflag.FlagSet
	update bool
}

func (d declarer) lists(name, short string, add, rm pflag.Value, minAPI, usage, addUsage, rmUsage string) {
	names := []string{name}
	if d.update {
		d.fs.Var(add, name+"-add", addUsage)
		d.fs.Var(rm, name+"-rm", rmUsage)
		names = []string{name + "-add", name + "-rm"}
	} else {
		d.fs.VarP(add, name, short, usage)
	}
	if minAPI != "" {
		cli.MinAPI(d.fs, minAPI, names...)
	}
}
