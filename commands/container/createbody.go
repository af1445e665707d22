package container

import (
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/opts"
)

// The body of POST /containers/create. Field order and the choice of which
// empty fields are sent (null, [] or {}) follow what the reference sends, so a
// daemon fills the same defaults for both clients.

type createBody struct {
	Hostname     string
	Domainname   string
	User         string
	AttachStdin  bool
	AttachStdout bool
	AttachStderr bool
	ExposedPorts map[string]struct{} `json:",omitempty"`
	Tty          bool
	OpenStdin    bool
	StdinOnce    bool
	Env          []string
	Cmd          []string
	Healthcheck  *healthConfig `json:",omitempty"`
	Image        string
	Volumes      map[string]struct{}
	WorkingDir   string
	Entrypoint   []string
	MacAddress   string `json:",omitempty"`
	OnBuild      []string
	Labels       map[string]string
	StopSignal   string `json:",omitempty"`
	StopTimeout  *int   `json:",omitempty"`

	HostConfig       hostConfig
	NetworkingConfig networkingConfig
}

type healthConfig struct {
	Test          []string `json:",omitempty"`
	Interval      int64    `json:",omitempty"`
	Timeout       int64    `json:",omitempty"`
	StartPeriod   int64    `json:",omitempty"`
	StartInterval int64    `json:",omitempty"`
	Retries       int      `json:",omitempty"`
}

type logConfig struct {
	Type   string
	Config map[string]string
}

type restartPolicy struct {
	Name              string
	MaximumRetryCount int
}

type weightDevice struct {
	Path   string
	Weight uint16
}

type throttleDevice struct {
	Path string
	Rate uint64
}

type deviceMapping struct {
	PathOnHost        string
	PathInContainer   string
	CgroupPermissions string
}

type hostConfig struct {
	Binds           []string
	ContainerIDFile string
	LogConfig       logConfig
	NetworkMode     string
	PortBindings    map[string][]opts.PortBinding
	RestartPolicy   restartPolicy
	AutoRemove      bool
	VolumeDriver    string
	VolumesFrom     []string
	ConsoleSize     [2]uint
	Annotations     map[string]string `json:",omitempty"`
	CapAdd          []string
	CapDrop         []string
	CgroupnsMode    string
	DNS             []string `json:"Dns"`
	DNSOptions      []string `json:"DnsOptions"`
	DNSSearch       []string `json:"DnsSearch"`
	ExtraHosts      []string
	GroupAdd        []string
	IpcMode         string
	Cgroup          string
	Links           []string
	OomScoreAdj     int
	PidMode         string
	Privileged      bool
	PublishAllPorts bool
	ReadonlyRootfs  bool
	SecurityOpt     []string
	StorageOpt      map[string]string `json:",omitempty"`
	Tmpfs           map[string]string `json:",omitempty"`
	UTSMode         string
	UsernsMode      string
	ShmSize         int64
	Sysctls         map[string]string `json:",omitempty"`
	Runtime         string            `json:",omitempty"`
	Isolation       string

	CPUShares            int64 `json:"CpuShares"`
	Memory               int64
	NanoCPUs             int64 `json:"NanoCpus"`
	CgroupParent         string
	BlkioWeight          uint16
	BlkioWeightDevice    []weightDevice
	BlkioDeviceReadBps   []throttleDevice
	BlkioDeviceWriteBps  []throttleDevice
	BlkioDeviceReadIOps  []throttleDevice
	BlkioDeviceWriteIOps []throttleDevice
	CPUPeriod            int64 `json:"CpuPeriod"`
	CPUQuota             int64 `json:"CpuQuota"`
	CPURealtimePeriod    int64 `json:"CpuRealtimePeriod"`
	CPURealtimeRuntime   int64 `json:"CpuRealtimeRuntime"`
	CpusetCpus           string
	CpusetMems           string
	Devices              []deviceMapping
	DeviceCgroupRules    []string
	DeviceRequests       []opts.DeviceRequest
	KernelMemory         int64 `json:",omitempty"`
	MemoryReservation    int64
	MemorySwap           int64
	MemorySwappiness     int64
	OomKillDisable       bool
	PidsLimit            int64
	Ulimits              []opts.Ulimit
	CPUCount             int64 `json:"CpuCount"`
	CPUPercent           int64 `json:"CpuPercent"`
	IOMaximumIOps        uint64
	IOMaximumBandwidth   uint64
	Mounts               []opts.Mount `json:",omitempty"`
	MaskedPaths          []string
	ReadonlyPaths        []string
	Init                 *bool `json:",omitempty"`
}

type networkingConfig struct {
	EndpointsConfig map[string]*endpointSettings
}

// endpointSettings is one network's part of the body: the engine's type, so
// create and network connect send the same thing.
type endpointSettings = engine.EndpointSettings
