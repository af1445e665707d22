package container

import (
	"errors"
	"fmt"
	"net"
	"os"
	"strings"

	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/opts"
)

// createRequest is everything POST /containers/create needs.
type createRequest struct {
	Name     string
	Platform string
	Body     engine.ContainerCreateRequest
}

// request maps the flags, the image and the command to the create request.
// detach is run's -d (create passes false); console is the stdout terminal
// size ([0 0] when not a terminal). Errors are the user's mistakes, worded
// as the reference words them.
func (f *containerFlags) request(image string, cmd []string, detach bool, console [2]uint) (createRequest, error) {
	if f.useAPISocket {
		return createRequest{}, errors.New("--use-api-socket is not supported by this client yet")
	}
	b := engine.ContainerCreateRequest{Config: engine.Config{
		Hostname:   f.hostname,
		Domainname: f.domainname,
		User:       f.user,
		Tty:        f.tty,
		Image:      image,
		Volumes:    map[string]struct{}{},
		WorkingDir: f.workdir,
		MacAddress: f.macAddress,
		StopSignal: f.stopSignal,
	}}
	if len(cmd) > 0 {
		b.Cmd = cmd
	}
	if f.set("entrypoint") {
		b.Entrypoint = []string{f.entrypoint}
	}
	if f.set("stop-timeout") {
		t := f.stopTimeout
		b.StopTimeout = &t
	}

	// Streams: -a picks them, stdout and stderr when it is not given; -i
	// always attaches stdin. run -d attaches nothing.
	for _, s := range f.attach.Values() {
		switch s {
		case "stdin":
			b.AttachStdin = true
		case "stdout":
			b.AttachStdout = true
		case "stderr":
			b.AttachStderr = true
		}
	}
	if f.attach.Len() == 0 {
		b.AttachStdout, b.AttachStderr = true, true
	}
	b.AttachStdin = b.AttachStdin || f.interactive
	if detach {
		b.AttachStdin, b.AttachStdout, b.AttachStderr = false, false, false
	}
	b.OpenStdin = f.interactive
	b.StdinOnce = b.OpenStdin && b.AttachStdin

	var err error
	if b.Env, err = f.environment(); err != nil {
		return createRequest{}, err
	}
	if b.Labels, err = f.labelMap(); err != nil {
		return createRequest{}, err
	}
	if b.Healthcheck, err = f.health.Config(); err != nil {
		return createRequest{}, err
	}
	if f.swappiness != -1 && (f.swappiness < 0 || f.swappiness > 100) {
		return createRequest{}, fmt.Errorf("invalid value: %d. Valid memory swappiness range is 0-100", f.swappiness)
	}

	ports, err := opts.ParsePublish(f.publish.Values())
	if err != nil {
		return createRequest{}, err
	}
	if err := opts.ParseExpose(ports.Exposed, f.expose.Values()); err != nil {
		return createRequest{}, err
	}
	if len(ports.Exposed) > 0 {
		b.ExposedPorts = ports.Exposed
	}

	hc, err := f.hostConfig(ports.Bindings, console)
	if err != nil {
		return createRequest{}, err
	}
	seen := map[string]bool{}
	for _, v := range f.volumes.Values() {
		spec, bind, err := opts.ParseVolume(v)
		switch {
		case err != nil:
			return createRequest{}, err
		case !bind:
			b.Volumes[spec] = struct{}{}
		case !seen[v]:
			seen[v] = true
			hc.Binds = append(hc.Binds, spec)
		}
	}
	b.HostConfig = hc
	if b.NetworkingConfig, err = f.networking(&b.HostConfig); err != nil {
		return createRequest{}, err
	}
	return createRequest{Name: f.name, Platform: f.platform, Body: b}, nil
}

// environment is --env-file entries then -e entries, nil when none.
func (f *containerFlags) environment() ([]string, error) {
	var env []string
	for _, path := range f.envFile.Values() {
		vars, err := opts.ReadEnvFile(path, os.LookupEnv)
		if err != nil {
			return nil, err
		}
		env = append(env, vars...)
	}
	return append(env, f.env.Values()...), nil
}

// labelMap is --label-file entries then -l entries; a bare name maps to "".
func (f *containerFlags) labelMap() (map[string]string, error) {
	var all []string
	for _, path := range f.labelFile.Values() {
		l, err := opts.ReadLabelFile(path)
		if err != nil {
			return nil, err
		}
		all = append(all, l...)
	}
	labels := map[string]string{}
	for _, l := range append(all, f.labels.Values()...) {
		k, v, _ := strings.Cut(l, "=")
		labels[k] = v
	}
	return labels, nil
}

// hostConfig maps the flags to the HostConfig; bindings are -p's.
func (f *containerFlags) hostConfig(bindings map[string][]engine.PortBinding, console [2]uint) (engine.HostConfig, error) {
	restart, err := opts.ParseRestartPolicy(f.restart)
	if err != nil {
		return engine.HostConfig{}, err
	}
	if f.autoRemove && restart.Name != "" && restart.Name != "no" {
		return engine.HostConfig{}, errors.New("conflicting options: cannot specify both --restart and --rm")
	}
	logOpts := map[string]string{}
	for _, o := range f.logOpts.Values() {
		k, v, _ := strings.Cut(o, "=")
		logOpts[k] = v
	}
	hc := engine.HostConfig{
		ContainerIDFile: f.cidfile,
		LogConfig:       engine.LogConfig{Type: f.logDriver, Config: logOpts},
		PortBindings:    bindings,
		RestartPolicy:   restart,
		AutoRemove:      f.autoRemove,
		VolumeDriver:    f.volumeDriver,
		VolumesFrom:     f.volumesFrom.Values(),
		ConsoleSize:     console,
		CapAdd:          capabilities(f.capAdd.Values()),
		CapDrop:         capabilities(f.capDrop.Values()),
		CgroupnsMode:    f.cgroupns,
		DNS:             nonNil(f.dns.Values()),
		DNSOptions:      nonNil(f.dnsOptions.Values()),
		DNSSearch:       nonNil(f.dnsSearch.Values()),
		ExtraHosts:      f.addHost.Values(),
		GroupAdd:        f.groupAdd.Values(),
		IpcMode:         f.ipc,
		Links:           f.links.Values(),
		OomScoreAdj:     f.oomScoreAdj,
		PidMode:         f.pid,
		Privileged:      f.privileged,
		PublishAllPorts: f.publishAll,
		ReadonlyRootfs:  f.readOnly,
		SecurityOpt:     f.securityOpt.Values(),
		UTSMode:         f.uts,
		UsernsMode:      f.userns,
		ShmSize:         f.shmSize.Value(),
		Runtime:         f.runtime,
		Isolation:       f.isolation,
		Mounts:          f.mounts.Values(),
	}
	// The reference sends every limit, the empty lists as [].
	hc.Resources = engine.Resources{
		CPUShares:            f.cpuShares,
		Memory:               f.memory.Value(),
		NanoCPUs:             f.cpus.Value(),
		CgroupParent:         f.cgroupParent,
		BlkioWeight:          f.blkioWeight,
		BlkioWeightDevice:    parsed(f.blkioWeightDevice, opts.ParseWeightDevice),
		BlkioDeviceReadBps:   parsed(f.deviceReadBps, opts.ParseThrottleBps),
		BlkioDeviceWriteBps:  parsed(f.deviceWriteBps, opts.ParseThrottleBps),
		BlkioDeviceReadIOps:  parsed(f.deviceReadIOps, opts.ParseThrottleIOps),
		BlkioDeviceWriteIOps: parsed(f.deviceWriteIOps, opts.ParseThrottleIOps),
		CPUPeriod:            f.cpuPeriod,
		CPUQuota:             f.cpuQuota,
		CPURealtimePeriod:    f.cpuRtPeriod,
		CPURealtimeRuntime:   f.cpuRtRuntime,
		CpusetCpus:           f.cpusetCpus,
		CpusetMems:           f.cpusetMems,
		Devices:              []engine.DeviceMapping{},
		DeviceCgroupRules:    f.deviceCgroupRules.Values(),
		DeviceRequests:       f.gpus.Values(),
		KernelMemory:         f.kernelMemory.Value(),
		MemoryReservation:    f.memoryReservation.Value(),
		MemorySwap:           f.memorySwap.Value(),
		MemorySwappiness:     ptr(f.swappiness),
		OomKillDisable:       ptr(f.oomKillDisable),
		PidsLimit:            ptr(f.pidsLimit),
		Ulimits:              f.ulimits.Values(),
		CPUCount:             f.cpuCount,
		CPUPercent:           f.cpuPercent,
		IOMaximumIOps:        f.ioMaxIOps,
		IOMaximumBandwidth:   uint64(f.ioMaxBandwidth.Value()),
	}
	if hc.PortBindings == nil {
		hc.PortBindings = map[string][]engine.PortBinding{}
	}
	for i := range hc.DeviceRequests {
		if hc.DeviceRequests[i].Options == nil {
			hc.DeviceRequests[i].Options = map[string]string{}
		}
	}
	if len(f.annotations.Values()) > 0 {
		hc.Annotations = f.annotations.Values()
	}
	if len(f.sysctls.Values()) > 0 {
		hc.Sysctls = f.sysctls.Values()
	}
	if f.set("init") {
		hc.Init = ptr(f.init)
	}
	var cdi []string
	for _, v := range f.devices.Values() {
		if opts.IsCDIName(v) {
			cdi = append(cdi, v)
			continue
		}
		d, err := opts.ParseDevice(v)
		if err != nil {
			return engine.HostConfig{}, err
		}
		hc.Devices = append(hc.Devices, d)
	}
	if len(cdi) > 0 {
		hc.DeviceRequests = append(hc.DeviceRequests, engine.DeviceRequest{Driver: "cdi", DeviceIDs: cdi})
	}
	if f.storageOpt.Len() > 0 {
		hc.StorageOpt = map[string]string{}
		for _, o := range f.storageOpt.Values() {
			k, v, ok := strings.Cut(o, "=")
			if !ok {
				return engine.HostConfig{}, fmt.Errorf("invalid storage option")
			}
			hc.StorageOpt[k] = v
		}
	}
	if f.tmpfs.Len() > 0 {
		hc.Tmpfs = map[string]string{}
		for _, t := range f.tmpfs.Values() {
			dst, o, _ := strings.Cut(t, ":")
			hc.Tmpfs[dst] = o
		}
	}
	return hc, nil
}

// capabilities upper-cases and adds the CAP_ prefix, as the reference sends them.
func capabilities(in []string) []string {
	if in == nil {
		return nil
	}
	out := make([]string, len(in))
	for i, c := range in {
		c = strings.ToUpper(c)
		if c != "ALL" && !strings.HasPrefix(c, "CAP_") {
			c = "CAP_" + c
		}
		out[i] = c
	}
	return out
}

// parsed parses again the values of a list its flag has validated; never
// nil (the reference sends []).
func parsed[T any](l *opts.List, parse func(string) (T, error)) []T {
	out := []T{}
	for _, v := range l.Values() {
		t, _ := parse(v)
		out = append(out, t)
	}
	return out
}

func ptr[T any](v T) *T { return &v }

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// localhostDNS is the first --dns address on the loopback (127.0.0.0/8 or
// ::1), which the container's own loopback would answer; "" when none.
func localhostDNS(servers []string) string {
	for _, s := range servers {
		if ip := net.ParseIP(s); ip != nil && (ip.To4() != nil && ip.To4()[0] == 127 || ip.Equal(net.IPv6loopback)) {
			return s
		}
	}
	return ""
}
