package container

import (
	"errors"
	"fmt"
	"net"
	"os"
	"path"
	"strconv"
	"strings"

	"github.com/dockerclone/docker/cli/engine"

	"github.com/dockerclone/docker/cli/opts"
)

// createRequest is everything POST /containers/create needs.
type createRequest struct {
	Name     string
	Platform string
	Body     createBody
}

// request maps the flags, the image and the command to the create request.
// detach is run's -d (create passes false); console is the stdout terminal
// size ([0 0] when not a terminal). Errors are the user's mistakes, worded
// as the reference words them.
func (f *containerFlags) request(image string, cmd []string, detach bool, console [2]uint) (createRequest, error) {
	if f.useAPISocket {
		return createRequest{}, errors.New("--use-api-socket is not supported by this client yet")
	}
	b := createBody{
		Hostname:   f.hostname,
		Domainname: f.domainname,
		User:       f.user,
		Tty:        f.tty,
		Image:      image,
		Volumes:    map[string]struct{}{},
		WorkingDir: f.workdir,
		MacAddress: f.macAddress,
		StopSignal: f.stopSignal,
	}
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
	if b.Healthcheck, err = f.healthcheck(); err != nil {
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
	for _, v := range f.volumes.Values() {
		if strings.Contains(v, ":") {
			hc.Binds = append(hc.Binds, v)
		} else {
			b.Volumes[v] = struct{}{}
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

func (f *containerFlags) healthcheck() (*healthConfig, error) {
	any := f.healthCmd != "" || f.healthInterval != 0 || f.healthTimeout != 0 ||
		f.healthStartPeriod != 0 || f.healthStartIntvl != 0 || f.healthRetries != 0
	if f.noHealthcheck {
		if any {
			return nil, errors.New("--no-healthcheck conflicts with --health-* options")
		}
		return &healthConfig{Test: []string{"NONE"}}, nil
	}
	if !any {
		return nil, nil
	}
	for _, d := range []struct {
		name string
		neg  bool
	}{
		{"--health-interval", f.healthInterval < 0},
		{"--health-timeout", f.healthTimeout < 0},
		{"--health-retries", f.healthRetries < 0},
		{"--health-start-period", f.healthStartPeriod < 0},
		{"--health-start-interval", f.healthStartIntvl < 0},
	} {
		if d.neg {
			return nil, fmt.Errorf("%s cannot be negative", d.name)
		}
	}
	h := &healthConfig{
		Interval:      int64(f.healthInterval),
		Timeout:       int64(f.healthTimeout),
		StartPeriod:   int64(f.healthStartPeriod),
		StartInterval: int64(f.healthStartIntvl),
		Retries:       f.healthRetries,
	}
	if f.healthCmd != "" {
		h.Test = []string{"CMD-SHELL", f.healthCmd}
	}
	return h, nil
}

func (f *containerFlags) hostConfig(bindings map[string][]opts.PortBinding, console [2]uint) (hostConfig, error) {
	restart, err := parseRestart(f.restart)
	if err != nil {
		return hostConfig{}, err
	}
	if f.autoRemove && restart.Name != "" && restart.Name != "no" {
		return hostConfig{}, errors.New("conflicting options: cannot specify both --restart and --rm")
	}
	logOpts := map[string]string{}
	for _, o := range f.logOpts.Values() {
		k, v, _ := strings.Cut(o, "=")
		logOpts[k] = v
	}
	hc := hostConfig{
		ContainerIDFile: f.cidfile,
		LogConfig:       logConfig{Type: f.logDriver, Config: logOpts},
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

		CPUShares:            f.cpuShares,
		Memory:               f.memory.Value(),
		NanoCPUs:             f.cpus.Value(),
		CgroupParent:         f.cgroupParent,
		BlkioWeight:          f.blkioWeight,
		BlkioWeightDevice:    []weightDevice{},
		BlkioDeviceReadBps:   throttles(f.deviceReadBps, true),
		BlkioDeviceWriteBps:  throttles(f.deviceWriteBps, true),
		BlkioDeviceReadIOps:  throttles(f.deviceReadIOps, false),
		BlkioDeviceWriteIOps: throttles(f.deviceWriteIOps, false),
		CPUPeriod:            f.cpuPeriod,
		CPUQuota:             f.cpuQuota,
		CPURealtimePeriod:    f.cpuRtPeriod,
		CPURealtimeRuntime:   f.cpuRtRuntime,
		CpusetCpus:           f.cpusetCpus,
		CpusetMems:           f.cpusetMems,
		Devices:              []deviceMapping{},
		DeviceCgroupRules:    f.deviceCgroupRules.Values(),
		DeviceRequests:       f.gpus.Values(),
		KernelMemory:         f.kernelMemory.Value(),
		MemoryReservation:    f.memoryReservation.Value(),
		MemorySwap:           f.memorySwap.Value(),
		MemorySwappiness:     f.swappiness,
		OomKillDisable:       f.oomKillDisable,
		PidsLimit:            f.pidsLimit,
		Ulimits:              f.ulimits.Values(),
		CPUCount:             f.cpuCount,
		CPUPercent:           f.cpuPercent,
		IOMaximumIOps:        f.ioMaxIOps,
		IOMaximumBandwidth:   uint64(f.ioMaxBandwidth.Value()),
		Mounts:               f.mounts.Values(),
	}
	if hc.PortBindings == nil {
		hc.PortBindings = map[string][]opts.PortBinding{}
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
		v := f.init
		hc.Init = &v
	}
	for _, v := range f.blkioWeightDevice.Values() {
		wd, _ := parseWeightDevice(v) // validated by the flag
		hc.BlkioWeightDevice = append(hc.BlkioWeightDevice, wd)
	}
	var cdi []string
	for _, v := range f.devices.Values() {
		if isCDIName(v) {
			cdi = append(cdi, v)
			continue
		}
		d, err := parseDevice(v)
		if err != nil {
			return hostConfig{}, err
		}
		hc.Devices = append(hc.Devices, d)
	}
	if len(cdi) > 0 {
		hc.DeviceRequests = append(hc.DeviceRequests, opts.DeviceRequest{Driver: "cdi", DeviceIDs: cdi})
	}
	if f.storageOpt.Len() > 0 {
		hc.StorageOpt = map[string]string{}
		for _, o := range f.storageOpt.Values() {
			k, v, ok := strings.Cut(o, "=")
			if !ok {
				return hostConfig{}, fmt.Errorf("invalid storage option")
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

// networking picks the network mode (the first --network, else "default") and
// the endpoint settings of each network. With one network and nothing to
// configure on it, no endpoint is sent (the daemon makes one); with several,
// each gets one, so the daemon can refuse what it cannot do.
func (f *containerFlags) networking(hc *hostConfig) (networkingConfig, error) {
	if f.macAddress != "" && !validMAC(f.macAddress) {
		return networkingConfig{}, fmt.Errorf("%s is not a valid mac address", f.macAddress)
	}
	nets := f.networks.Values()
	eps := map[string]*endpointSettings{}
	if len(nets) == 0 {
		hc.NetworkMode = "default"
		nets = []opts.NetworkAttachment{{Target: "default"}}
	} else {
		hc.NetworkMode = nets[0].Target
	}
	var userDefined, builtin bool
	for i, n := range nets {
		if userDefinedNetwork(n.Target) {
			userDefined = true
		} else {
			builtin = true
		}
		if i == 0 {
			// The per-container network flags apply to the primary network.
			if err := f.applyToPrimary(&n); err != nil {
				return networkingConfig{}, err
			}
		}
		ep, err := endpoint(n)
		if err != nil {
			return networkingConfig{}, err
		}
		if _, dup := eps[n.Target]; dup {
			return networkingConfig{}, fmt.Errorf("network %q is specified multiple times", n.Target)
		}
		if n.Target != "default" && len(nets) == 1 && endpointEmpty(ep) {
			continue
		}
		eps[n.Target] = ep
	}
	if userDefined && builtin {
		return networkingConfig{}, errors.New("conflicting options: cannot attach both user-defined and non-user-defined network-modes")
	}
	return networkingConfig{EndpointsConfig: eps}, nil
}

// applyToPrimary moves --network-alias, --link (user-defined networks only),
// --ip, --ip6, --mac-address and --link-local-ip onto the first network,
// refusing them when that network sets its own.
func (f *containerFlags) applyToPrimary(n *opts.NetworkAttachment) error {
	for _, c := range []struct {
		both bool
		msg  string
	}{
		{len(n.Aliases) > 0 && f.networkAliases.Len() > 0, "--network-alias and per-network alias"},
		{n.IPv4 != "" && f.ipv4 != "", "--ip and per-network IPv4 address"},
		{n.IPv6 != "" && f.ipv6 != "", "--ip6 and per-network IPv6 address"},
		{n.MacAddress != "" && f.macAddress != "", "--mac-address and per-network MAC address"},
		{len(n.LinkLocal) > 0 && f.linkLocalIPs.Len() > 0, "--link-local-ip and per-network link-local IP addresses"},
	} {
		if c.both {
			return fmt.Errorf("conflicting options: cannot specify both %s", c.msg)
		}
	}
	n.Aliases = append(n.Aliases, f.networkAliases.Values()...)
	if userDefinedNetwork(n.Target) {
		n.Links = append(n.Links, f.links.Values()...)
	}
	if f.ipv4 != "" {
		n.IPv4 = f.ipv4
	}
	if f.ipv6 != "" {
		n.IPv6 = f.ipv6
	}
	if f.macAddress != "" {
		n.MacAddress = f.macAddress
	}
	n.LinkLocal = append(n.LinkLocal, f.linkLocalIPs.Values()...)
	return nil
}

// endpoint checks one attachment and turns it into its endpoint settings.
func endpoint(n opts.NetworkAttachment) (*endpointSettings, error) {
	if strings.TrimSpace(n.Target) == "" {
		return nil, errors.New("no name set for network")
	}
	if len(n.Aliases) > 0 && !userDefinedNetwork(n.Target) {
		return nil, errors.New("network-scoped aliases are only supported for user-defined networks")
	}
	if n.MacAddress != "" && !validMAC(n.MacAddress) {
		return nil, fmt.Errorf("%s is not a valid mac address", n.MacAddress)
	}
	ep := &endpointSettings{Aliases: n.Aliases, Links: n.Links, DriverOpts: n.DriverOpts, MacAddress: n.MacAddress, GwPriority: n.GwPriority}
	if n.IPv4 != "" || n.IPv6 != "" || len(n.LinkLocal) > 0 {
		ep.IPAMConfig = &engine.EndpointIPAM{IPv4Address: n.IPv4, IPv6Address: n.IPv6, LinkLocalIPs: n.LinkLocal}
	}
	return ep, nil
}

// endpointEmpty reports whether no per-network setting was given.
func endpointEmpty(e *endpointSettings) bool {
	return e.IPAMConfig == nil && len(e.Aliases) == 0 && len(e.Links) == 0 && len(e.DriverOpts) == 0 &&
		e.MacAddress == "" && e.GwPriority == 0
}

func validMAC(s string) bool {
	_, err := net.ParseMAC(s)
	return err == nil
}

func userDefinedNetwork(name string) bool {
	switch name {
	case "default", "bridge", "host", "none":
		return false
	}
	return !strings.HasPrefix(name, "container:")
}

// parseRestart splits "name[:max-retries]"; an empty count is no count.
func parseRestart(v string) (restartPolicy, error) {
	name, count, hasColon := strings.Cut(v, ":")
	p := restartPolicy{Name: name}
	if hasColon && name == "" {
		return p, errors.New("invalid restart policy format: no policy provided before colon")
	}
	if count != "" {
		n, err := strconv.Atoi(count)
		if err != nil {
			return p, errors.New("invalid restart policy format: maximum retry count must be an integer")
		}
		p.MaximumRetryCount = n
	}
	return p, nil
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

// parseDevice reads host[:container][:permissions]: paths are cleaned
// (except in the three-part form), the container path must be absolute and
// the permissions are a subset of "rwm".
func parseDevice(v string) (deviceMapping, error) {
	if strings.Count(v, ":") > 2 || strings.HasPrefix(v, ":") || v == "" {
		return deviceMapping{}, fmt.Errorf("bad format for path: %s", v)
	}
	parts := strings.Split(v, ":")
	d := deviceMapping{PathOnHost: parts[0], CgroupPermissions: "rwm"}
	switch len(parts) {
	case 1:
		d.PathOnHost = path.Clean(parts[0])
		d.PathInContainer = d.PathOnHost
	case 2:
		if validDevicePerm(parts[1]) {
			d.PathOnHost = path.Clean(parts[0])
			d.PathInContainer, d.CgroupPermissions = d.PathOnHost, parts[1]
		} else {
			d.PathInContainer = path.Clean(parts[1])
		}
	case 3:
		if !validDevicePerm(parts[2]) {
			return d, fmt.Errorf("bad mode specified: %s", parts[2])
		}
		d.PathInContainer, d.CgroupPermissions = parts[1], parts[2]
	}
	if !path.IsAbs(d.PathInContainer) {
		return d, fmt.Errorf("%s is not an absolute path", d.PathInContainer)
	}
	return d, nil
}

// validDevicePerm: one or more of r, w, m, each at most once.
func validDevicePerm(p string) bool {
	if p == "" {
		return false
	}
	seen := map[rune]bool{}
	for _, c := range p {
		if !strings.ContainsRune("rwm", c) || seen[c] {
			return false
		}
		seen[c] = true
	}
	return true
}

// isCDIName reports whether a --device value is a CDI device name,
// vendor/class=name, which goes to the daemon as a device request.
func isCDIName(v string) bool {
	vendor, rest, ok := strings.Cut(v, "/")
	if !ok {
		return false
	}
	class, name, ok := strings.Cut(rest, "=")
	return ok && cdiPart(vendor, "._-") && cdiPart(class, "_-") && cdiPart(name, "_.:-") && !strings.Contains(name, "/")
}

// cdiPart: starts with a letter (any alphanumeric for names, which pass
// ":" among their extra characters), ends alphanumeric, and otherwise uses
// letters, digits and extra.
func cdiPart(s, extra string) bool {
	if len(s) < 2 {
		return false
	}
	isAlnum := func(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' }
	isLetter := func(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
	first := isLetter(s[0])
	if strings.Contains(extra, ":") {
		first = isAlnum(s[0])
	}
	if !first || !isAlnum(s[len(s)-1]) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isAlnum(s[i]) && !strings.ContainsRune(extra, rune(s[i])) {
			return false
		}
	}
	return true
}

func throttles(l *opts.List, bytes bool) []throttleDevice {
	out := []throttleDevice{}
	for _, v := range l.Values() {
		t, _ := parseThrottle(v, bytes) // validated by the flag
		out = append(out, t)
	}
	return out
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// hasEndpointMAC reports whether any network gets a MAC address.
func hasEndpointMAC(nc networkingConfig) bool {
	for _, ep := range nc.EndpointsConfig {
		if ep != nil && ep.MacAddress != "" {
			return true
		}
	}
	return false
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
