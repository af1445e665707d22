package container

import (
	"fmt"
	"os"
	"strings"

	"github.com/spf13/pflag"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/opts"
	"github.com/dockerclone/docker/cli/trust"
)

// containerFlags are the flags run and create share; request turns them into
// the create request. Values are parsed (and validated) by their flag types;
// cross-flag checks happen in request.
type containerFlags struct {
	attach            *opts.List
	addHost           *opts.List
	annotations       *opts.Map
	blkioWeight       uint16
	blkioWeightDevice *opts.List
	capAdd, capDrop   *opts.List
	cgroupParent      string
	cgroupns          string
	cidfile           string
	cpuCount          int64
	cpuPercent        int64
	cpuPeriod         int64
	cpuQuota          int64
	cpuRtPeriod       int64
	cpuRtRuntime      int64
	cpuShares         int64
	cpus              opts.NanoCPUs
	cpusetCpus        string
	cpusetMems        string
	devices           *opts.List
	deviceCgroupRules *opts.List
	deviceReadBps     *opts.List
	deviceReadIOps    *opts.List
	deviceWriteBps    *opts.List
	deviceWriteIOps   *opts.List
	untrusted         bool
	dns               *opts.List
	dnsOptions        *opts.List
	dnsSearch         *opts.List
	domainname        string
	entrypoint        string
	env               *opts.List
	envFile           *opts.List
	expose            *opts.List
	gpus              opts.Gpus
	groupAdd          *opts.List
	health            opts.Health
	hostname          string
	init              bool
	interactive       bool
	ioMaxBandwidth    opts.MemBytes
	ioMaxIOps         uint64
	ipv4, ipv6        string
	ipc               string
	isolation         string
	kernelMemory      opts.MemBytes
	labels            *opts.List
	labelFile         *opts.List
	links             *opts.List
	linkLocalIPs      *opts.List
	logDriver         string
	logOpts           *opts.List
	macAddress        string
	memory            opts.MemBytes
	memoryReservation opts.MemBytes
	memorySwap        opts.MemSwapBytes
	swappiness        int64
	mounts            opts.Mounts
	name              string
	networks          opts.Networks
	networkAliases    *opts.List
	oomKillDisable    bool
	oomScoreAdj       int
	pid               string
	pidsLimit         int64
	platform          string
	privileged        bool
	publish           *opts.List
	publishAll        bool
	pull              string
	quiet             bool
	readOnly          bool
	restart           string
	autoRemove        bool
	runtime           string
	securityOpt       *opts.List
	shmSize           opts.MemBytes
	stopSignal        string
	stopTimeout       int
	storageOpt        *opts.List
	sysctls           *opts.Map
	tmpfs             *opts.List
	tty               bool
	ulimits           opts.Ulimits
	useAPISocket      bool
	user              string
	userns            string
	uts               string
	volumes           *opts.List
	volumeDriver      string
	volumesFrom       *opts.List
	workdir           string

	// set records which flags the user gave (for "only if set" fields).
	set func(name string) bool
}

// addContainerFlags declares the shared flags; pullUsage differs between
// run and create in the reference.
func addContainerFlags(fs *pflag.FlagSet, f *containerFlags, pullUsage string) {
	f.attach = opts.NewList(validateAttach)
	f.addHost = opts.NewList(opts.ValidateExtraHost)
	f.annotations = opts.NewMap(nil)
	f.blkioWeightDevice = opts.NewListShowEmpty(opts.Checks(opts.ParseWeightDevice))
	f.capAdd, f.capDrop = opts.NewList(nil), opts.NewList(nil)
	f.devices, f.deviceCgroupRules = opts.NewList(nil), opts.NewList(nil)
	f.deviceReadBps = opts.NewListShowEmpty(opts.Checks(opts.ParseThrottleBps))
	f.deviceWriteBps = opts.NewListShowEmpty(opts.Checks(opts.ParseThrottleBps))
	f.deviceReadIOps = opts.NewListShowEmpty(opts.Checks(opts.ParseThrottleIOps))
	f.deviceWriteIOps = opts.NewListShowEmpty(opts.Checks(opts.ParseThrottleIOps))
	f.dns, f.dnsOptions, f.dnsSearch = opts.NewList(opts.ValidateIPAddress), opts.NewList(nil), opts.NewList(nil)
	f.env, f.envFile = opts.NewList(opts.ValidateEnv), opts.NewList(nil)
	f.expose, f.groupAdd = opts.NewList(nil), opts.NewList(nil)
	f.labels, f.labelFile = opts.NewList(opts.ValidateLabel), opts.NewList(nil)
	f.links, f.linkLocalIPs, f.logOpts = opts.NewList(opts.ValidateLink), opts.NewList(nil), opts.NewList(nil)
	f.networkAliases, f.publish = opts.NewList(nil), opts.NewList(nil)
	f.securityOpt, f.storageOpt, f.tmpfs = opts.NewList(nil), opts.NewList(nil), opts.NewList(nil)
	f.sysctls = opts.NewMap(validateSysctl)
	f.volumes, f.volumesFrom = opts.NewList(nil), opts.NewList(nil)
	f.set = func(name string) bool { return fs.Changed(name) }

	fs.Var(f.addHost, "add-host", "Add a custom host-to-IP mapping (host:ip)")
	fs.Var(f.annotations, "annotation", "Add an annotation to the container (passed through to the OCI runtime)")
	cli.MinAPI(fs, "1.43", "annotation")
	fs.VarP(f.attach, "attach", "a", "Attach to STDIN, STDOUT or STDERR")
	fs.Uint16Var(&f.blkioWeight, "blkio-weight", 0, "Block IO (relative weight), between 10 and 1000, or 0 to disable (default 0)")
	fs.Var(f.blkioWeightDevice, "blkio-weight-device", "Block IO weight (relative device weight)")
	fs.Var(f.capAdd, "cap-add", "Add Linux capabilities")
	fs.Var(f.capDrop, "cap-drop", "Drop Linux capabilities")
	fs.StringVar(&f.cgroupParent, "cgroup-parent", "", "Optional parent cgroup for the container")
	fs.StringVar(&f.cgroupns, "cgroupns", "", `Cgroup namespace to use (host|private)
'host':    Run the container in the Docker host's cgroup namespace
'private': Run the container in its own private cgroup namespace
'':        Use the cgroup namespace as configured by the
           default-cgroupns-mode option on the daemon (default)`)
	cli.MinAPI(fs, "1.41", "cgroupns")
	fs.StringVar(&f.cidfile, "cidfile", "", "Write the container ID to the file")
	fs.Int64Var(&f.cpuCount, "cpu-count", 0, "CPU count (Windows only)")
	fs.Int64Var(&f.cpuPercent, "cpu-percent", 0, "CPU percent (Windows only)")
	fs.Int64Var(&f.cpuPeriod, "cpu-period", 0, "Limit CPU CFS (Completely Fair Scheduler) period")
	fs.Int64Var(&f.cpuQuota, "cpu-quota", 0, "Limit CPU CFS (Completely Fair Scheduler) quota")
	fs.Int64Var(&f.cpuRtPeriod, "cpu-rt-period", 0, "Limit CPU real-time period in microseconds")
	cli.MinAPI(fs, "1.25", "cpu-rt-period")
	fs.Int64Var(&f.cpuRtRuntime, "cpu-rt-runtime", 0, "Limit CPU real-time runtime in microseconds")
	cli.MinAPI(fs, "1.25", "cpu-rt-runtime")
	fs.Int64VarP(&f.cpuShares, "cpu-shares", "c", 0, "CPU shares (relative weight)")
	fs.Var(&f.cpus, "cpus", "Number of CPUs")
	cli.MinAPI(fs, "1.25", "cpus")
	fs.StringVar(&f.cpusetCpus, "cpuset-cpus", "", "CPUs in which to allow execution (0-3, 0,1)")
	fs.StringVar(&f.cpusetMems, "cpuset-mems", "", "MEMs in which to allow execution (0-3, 0,1)")
	fs.Var(f.devices, "device", "Add a host device to the container")
	fs.Var(f.deviceCgroupRules, "device-cgroup-rule", "Add a rule to the cgroup allowed devices list")
	fs.Var(f.deviceReadBps, "device-read-bps", "Limit read rate (bytes per second) from a device")
	fs.Var(f.deviceReadIOps, "device-read-iops", "Limit read rate (IO per second) from a device")
	fs.Var(f.deviceWriteBps, "device-write-bps", "Limit write rate (bytes per second) to a device")
	fs.Var(f.deviceWriteIOps, "device-write-iops", "Limit write rate (IO per second) to a device")
	fs.BoolVar(&f.untrusted, "disable-content-trust", !trust.Enabled(), "Skip image verification")
	fs.Var(f.dns, "dns", "Set custom DNS servers")
	fs.Var(f.dnsOptions, "dns-option", "Set DNS options")
	fs.Var(f.dnsSearch, "dns-search", "Set custom DNS search domains")
	fs.StringVar(&f.domainname, "domainname", "", "Container NIS domain name")
	fs.StringVar(&f.entrypoint, "entrypoint", "", "Overwrite the default ENTRYPOINT of the image")
	fs.VarP(f.env, "env", "e", "Set environment variables")
	fs.Var(f.envFile, "env-file", "Read in a file of environment variables")
	fs.Var(f.expose, "expose", "Expose a port or a range of ports")
	fs.Var(&f.gpus, "gpus", "GPU devices to add to the container ('all' to pass all GPUs)")
	cli.MinAPI(fs, "1.40", "gpus")
	fs.Var(f.groupAdd, "group-add", "Add additional groups to join")
	fs.StringVar(&f.health.Cmd, "health-cmd", "", "Command to run to check health")
	fs.DurationVar(&f.health.Interval, "health-interval", 0, "Time between running the check (ms|s|m|h) (default 0s)")
	fs.IntVar(&f.health.Retries, "health-retries", 0, "Consecutive failures needed to report unhealthy")
	fs.DurationVar(&f.health.StartInterval, "health-start-interval", 0, "Time between running the check during the start period (ms|s|m|h) (default 0s)")
	cli.MinAPI(fs, "1.44", "health-start-interval")
	fs.DurationVar(&f.health.StartPeriod, "health-start-period", 0, "Start period for the container to initialize before starting health-retries countdown (ms|s|m|h) (default 0s)")
	cli.MinAPI(fs, "1.29", "health-start-period")
	fs.DurationVar(&f.health.Timeout, "health-timeout", 0, "Maximum time to allow one check to run (ms|s|m|h) (default 0s)")
	fs.Bool("help", false, "Print usage")
	fs.StringVarP(&f.hostname, "hostname", "h", "", "Container host name")
	fs.BoolVar(&f.init, "init", false, "Run an init inside the container that forwards signals and reaps processes")
	cli.MinAPI(fs, "1.25", "init")
	fs.BoolVarP(&f.interactive, "interactive", "i", false, "Keep STDIN open even if not attached")
	fs.Var(&f.ioMaxBandwidth, "io-maxbandwidth", "Maximum IO bandwidth limit for the system drive (Windows only)")
	fs.Uint64Var(&f.ioMaxIOps, "io-maxiops", 0, "Maximum IOps limit for the system drive (Windows only)")
	cli.OSType(fs, "windows", "cpu-count", "cpu-percent", "io-maxbandwidth", "io-maxiops")
	fs.StringVar(&f.ipv4, "ip", "", "IPv4 address (e.g., 172.30.100.104)")
	fs.StringVar(&f.ipv6, "ip6", "", "IPv6 address (e.g., 2001:db8::33)")
	fs.StringVar(&f.ipc, "ipc", "", "IPC mode to use")
	fs.StringVar(&f.isolation, "isolation", "", "Container isolation technology")
	fs.Var(&f.kernelMemory, "kernel-memory", "Kernel memory limit")
	fs.VarP(f.labels, "label", "l", "Set meta data on a container")
	fs.Var(f.labelFile, "label-file", "Read in a line delimited file of labels")
	fs.Var(f.links, "link", "Add link to another container")
	fs.Var(f.linkLocalIPs, "link-local-ip", "Container IPv4/IPv6 link-local addresses")
	fs.StringVar(&f.logDriver, "log-driver", "", "Logging driver for the container")
	fs.Var(f.logOpts, "log-opt", "Log driver options")
	fs.StringVar(&f.macAddress, "mac-address", "", "Container MAC address (e.g., 92:d0:c6:0a:29:33)")
	fs.VarP(&f.memory, "memory", "m", "Memory limit")
	fs.Var(&f.memoryReservation, "memory-reservation", "Memory soft limit")
	fs.Var(&f.memorySwap, "memory-swap", "Swap limit equal to memory plus swap: '-1' to enable unlimited swap")
	fs.Int64Var(&f.swappiness, "memory-swappiness", -1, "Tune container memory swappiness (0 to 100)")
	fs.Var(&f.mounts, "mount", "Attach a filesystem mount to the container")
	fs.StringVar(&f.name, "name", "", "Assign a name to the container")
	fs.Var(&f.networks, "network", "Connect a container to a network")
	fs.Var(&f.networks, "net", "Connect a container to a network")
	_ = fs.MarkHidden("net")
	fs.Var(f.networkAliases, "network-alias", "Add network-scoped alias for the container")
	fs.Var(f.networkAliases, "net-alias", "Add network-scoped alias for the container")
	_ = fs.MarkHidden("net-alias")
	fs.BoolVar(&f.health.Disable, "no-healthcheck", false, "Disable any container-specified HEALTHCHECK")
	fs.BoolVar(&f.oomKillDisable, "oom-kill-disable", false, "Disable OOM Killer")
	fs.IntVar(&f.oomScoreAdj, "oom-score-adj", 0, "Tune host's OOM preferences (-1000 to 1000)")
	fs.StringVar(&f.pid, "pid", "", "PID namespace to use")
	fs.Int64Var(&f.pidsLimit, "pids-limit", 0, "Tune container pids limit (set -1 for unlimited)")
	fs.StringVar(&f.platform, "platform", os.Getenv("DOCKER_DEFAULT_PLATFORM"), "Set platform if server is multi-platform capable")
	cli.MinAPI(fs, "1.32", "platform")
	fs.BoolVar(&f.privileged, "privileged", false, "Give extended privileges to this container")
	fs.VarP(f.publish, "publish", "p", "Publish a container's port(s) to the host")
	fs.BoolVarP(&f.publishAll, "publish-all", "P", false, "Publish all exposed ports to random ports")
	fs.StringVar(&f.pull, "pull", pullMissing, pullUsage)
	fs.BoolVarP(&f.quiet, "quiet", "q", false, "Suppress the pull output")
	fs.BoolVar(&f.readOnly, "read-only", false, "Mount the container's root filesystem as read only")
	fs.StringVar(&f.restart, "restart", "no", "Restart policy to apply when a container exits")
	fs.BoolVar(&f.autoRemove, "rm", false, "Automatically remove the container and its associated anonymous volumes when it exits")
	fs.StringVar(&f.runtime, "runtime", "", "Runtime to use for this container")
	fs.Var(f.securityOpt, "security-opt", "Security Options")
	fs.Var(&f.shmSize, "shm-size", "Size of /dev/shm")
	fs.StringVar(&f.stopSignal, "stop-signal", "", "Signal to stop the container")
	fs.IntVar(&f.stopTimeout, "stop-timeout", 0, "Timeout (in seconds) to stop a container")
	cli.MinAPI(fs, "1.25", "stop-timeout")
	fs.Var(f.storageOpt, "storage-opt", "Storage driver options for the container")
	fs.Var(f.sysctls, "sysctl", "Sysctl options")
	fs.Var(f.tmpfs, "tmpfs", "Mount a tmpfs directory")
	fs.BoolVarP(&f.tty, "tty", "t", false, "Allocate a pseudo-TTY")
	fs.Var(&f.ulimits, "ulimit", "Ulimit options")
	fs.BoolVar(&f.useAPISocket, "use-api-socket", false, "Bind mount Docker API socket and required auth")
	fs.StringVarP(&f.user, "user", "u", "", "Username or UID (format: <name|uid>[:<group|gid>])")
	fs.StringVar(&f.userns, "userns", "", "User namespace to use")
	fs.StringVar(&f.uts, "uts", "", "UTS namespace to use")
	fs.VarP(f.volumes, "volume", "v", "Bind mount a volume")
	fs.StringVar(&f.volumeDriver, "volume-driver", "", "Optional volume driver for the container")
	fs.Var(f.volumesFrom, "volumes-from", "Mount volumes from the specified container(s)")
	fs.StringVarP(&f.workdir, "workdir", "w", "", "Working directory inside the container")
}

// Values of --pull.
const (
	pullAlways  = "always"
	pullMissing = "missing"
	pullNever   = "never"
)

func validateAttach(v string) (string, error) {
	switch s := strings.ToLower(v); s {
	case "stdin", "stdout", "stderr":
		return s, nil
	}
	return "", fmt.Errorf("valid streams are STDIN, STDOUT and STDERR")
}

// validateSysctl allows the namespaced sysctls the daemon can set per container.
func validateSysctl(v string) (string, error) {
	k, _, _ := strings.Cut(v, "=")
	switch {
	case k == "kernel.sem", strings.HasPrefix(k, "kernel.msg"), strings.HasPrefix(k, "kernel.shm"),
		strings.HasPrefix(k, "fs.mqueue."), strings.HasPrefix(k, "net."):
		return v, nil
	}
	return "", fmt.Errorf("sysctl '%s' is not allowed", v)
}
