package shapes

import (
	"fmt"
	"os"
	"time"

	"github.com/dockerclone/docker/cli/engine"
)

// Container is GET /containers/{id}/json.
type Container struct {
	ID              string `json:"Id"`
	Created         string
	Path            string
	Args            []string
	State           *State
	Image           string
	ResolvConfPath  string
	HostnamePath    string
	HostsPath       string
	LogPath         string
	Name            string
	RestartCount    int
	Driver          string
	Platform        string
	MountLabel      string
	ProcessLabel    string
	AppArmorProfile string
	ExecIDs         []string
	HostConfig      *HostConfig
	GraphDriver     GraphDriver
	SizeRw          *int64 `json:",omitempty"`
	SizeRootFs      *int64 `json:",omitempty"`

	Mounts                  []MountPoint
	Config                  *Config
	NetworkSettings         *NetworkSettings
	ImageManifestDescriptor *Descriptor `json:",omitempty"`
}

// State is a container's run state.
type State struct {
	Status     string
	Running    bool
	Paused     bool
	Restarting bool
	OOMKilled  bool
	Dead       bool
	Pid        int
	ExitCode   int
	Error      string
	StartedAt  string
	FinishedAt string
	Health     *Health `json:",omitempty"`
}

// Health is the healthcheck state.
type Health struct {
	Status        string
	FailingStreak int
	Log           []*HealthcheckResult
}

// HealthcheckResult is one probe.
type HealthcheckResult struct {
	Start    time.Time
	End      time.Time
	ExitCode int
	Output   string
}

// GraphDriver names the storage driver and its data.
type GraphDriver struct {
	Data map[string]string
	Name string
}

// MountPoint is one element of the top-level Mounts.
type MountPoint struct {
	Type        string `json:",omitempty"`
	Name        string `json:",omitempty"`
	Source      string
	Destination string
	Driver      string `json:",omitempty"`
	Mode        string
	RW          bool
	Propagation string
}

// Config is the container's configuration; images carry one as
// ContainerConfig too.
type Config struct {
	Hostname        string
	Domainname      string
	User            string
	AttachStdin     bool
	AttachStdout    bool
	AttachStderr    bool
	ExposedPorts    map[string]struct{} `json:",omitempty"`
	Tty             bool
	OpenStdin       bool
	StdinOnce       bool
	Env             []string
	Cmd             []string
	Healthcheck     *HealthConfig `json:",omitempty"`
	ArgsEscaped     bool          `json:",omitempty"`
	Image           string
	Volumes         map[string]struct{}
	WorkingDir      string
	Entrypoint      []string
	NetworkDisabled bool   `json:",omitempty"`
	MacAddress      string `json:",omitempty"`
	OnBuild         []string
	Labels          map[string]string
	StopSignal      string   `json:",omitempty"`
	StopTimeout     *int     `json:",omitempty"`
	Shell           []string `json:",omitempty"`
}

// HealthConfig is a healthcheck definition.
type HealthConfig struct {
	Test          []string      `json:",omitempty"`
	Interval      time.Duration `json:",omitempty"`
	Timeout       time.Duration `json:",omitempty"`
	StartPeriod   time.Duration `json:",omitempty"`
	StartInterval time.Duration `json:",omitempty"`
	Retries       int           `json:",omitempty"`
}

// HostConfig is the container's host configuration, resources inlined.
type HostConfig struct {
	Binds           []string
	ContainerIDFile string
	LogConfig       LogConfig
	NetworkMode     string
	PortBindings    map[string][]PortBinding
	RestartPolicy   RestartPolicy
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
	Resources
	Mounts        []Mount `json:",omitempty"`
	MaskedPaths   []string
	ReadonlyPaths []string
	Init          *bool `json:",omitempty"`
}

// Resources are the resource limits, inlined in HostConfig.
type Resources struct {
	CPUShares            int64 `json:"CpuShares"`
	Memory               int64
	NanoCPUs             int64 `json:"NanoCpus"`
	CgroupParent         string
	BlkioWeight          uint16
	BlkioWeightDevice    []*WeightDevice
	BlkioDeviceReadBps   []*ThrottleDevice
	BlkioDeviceWriteBps  []*ThrottleDevice
	BlkioDeviceReadIOps  []*ThrottleDevice
	BlkioDeviceWriteIOps []*ThrottleDevice
	CPUPeriod            int64 `json:"CpuPeriod"`
	CPUQuota             int64 `json:"CpuQuota"`
	CPURealtimePeriod    int64 `json:"CpuRealtimePeriod"`
	CPURealtimeRuntime   int64 `json:"CpuRealtimeRuntime"`
	CpusetCpus           string
	CpusetMems           string
	Devices              []DeviceMapping
	DeviceCgroupRules    []string
	DeviceRequests       []DeviceRequest
	KernelMemory         int64 `json:",omitempty"`
	KernelMemoryTCP      int64 `json:",omitempty"`
	MemoryReservation    int64
	MemorySwap           int64
	MemorySwappiness     *int64
	OomKillDisable       *bool
	PidsLimit            *int64
	Ulimits              []*Ulimit
	CPUCount             int64 `json:"CpuCount"`
	CPUPercent           int64 `json:"CpuPercent"`
	IOMaximumIOps        uint64
	IOMaximumBandwidth   uint64
}

// LogConfig is the logging driver and its options.
type LogConfig struct {
	Type   string
	Config map[string]string
}

// PortBinding is one host side of a published port.
type PortBinding struct {
	HostIP   string `json:"HostIp"`
	HostPort string
}

// RestartPolicy is --restart.
type RestartPolicy struct {
	Name              string
	MaximumRetryCount int
}

// WeightDevice is a --blkio-weight-device entry.
type WeightDevice struct {
	Path   string
	Weight uint16
}

func (w *WeightDevice) String() string { return fmt.Sprintf("%s:%d", w.Path, w.Weight) }

// ThrottleDevice is a --device-{read,write}-{bps,iops} entry.
type ThrottleDevice struct {
	Path string
	Rate uint64
}

func (t *ThrottleDevice) String() string { return fmt.Sprintf("%s:%d", t.Path, t.Rate) }

// DeviceMapping is a --device entry.
type DeviceMapping struct {
	PathOnHost        string
	PathInContainer   string
	CgroupPermissions string
}

// DeviceRequest is a --gpus entry.
type DeviceRequest struct {
	Driver       string
	Count        int
	DeviceIDs    []string
	Capabilities [][]string
	Options      map[string]string
}

// Ulimit is a --ulimit entry; it prints as name=soft:hard.
type Ulimit struct {
	Name string
	Hard int64
	Soft int64
}

func (u *Ulimit) String() string { return fmt.Sprintf("%s=%d:%d", u.Name, u.Soft, u.Hard) }

// Mount is a --mount entry.
type Mount struct {
	Type           string          `json:",omitempty"`
	Source         string          `json:",omitempty"`
	Target         string          `json:",omitempty"`
	ReadOnly       bool            `json:",omitempty"`
	Consistency    string          `json:",omitempty"`
	BindOptions    *BindOptions    `json:",omitempty"`
	VolumeOptions  *VolumeOptions  `json:",omitempty"`
	ImageOptions   *ImageOptions   `json:",omitempty"`
	TmpfsOptions   *TmpfsOptions   `json:",omitempty"`
	ClusterOptions *ClusterOptions `json:",omitempty"`
}

// BindOptions are the bind-specific --mount options.
type BindOptions struct {
	Propagation            string `json:",omitempty"`
	NonRecursive           bool   `json:",omitempty"`
	CreateMountpoint       bool   `json:",omitempty"`
	ReadOnlyNonRecursive   bool   `json:",omitempty"`
	ReadOnlyForceRecursive bool   `json:",omitempty"`
}

// VolumeOptions are the volume-specific --mount options.
type VolumeOptions struct {
	NoCopy       bool              `json:",omitempty"`
	Labels       map[string]string `json:",omitempty"`
	Subpath      string            `json:",omitempty"`
	DriverConfig *MountDriver      `json:",omitempty"`
}

// MountDriver is a volume mount's driver.
type MountDriver struct {
	Name    string            `json:",omitempty"`
	Options map[string]string `json:",omitempty"`
}

// ImageOptions are the image-specific --mount options.
type ImageOptions struct {
	Subpath string `json:",omitempty"`
}

// TmpfsOptions are the tmpfs-specific --mount options.
type TmpfsOptions struct {
	SizeBytes int64       `json:",omitempty"`
	Mode      os.FileMode `json:",omitempty"`
	Options   [][]string  `json:",omitempty"`
}

// ClusterOptions are the cluster-volume --mount options (none yet).
type ClusterOptions struct{}

// NetworkSettings is the container's networking state.
type NetworkSettings struct {
	Bridge                 string
	SandboxID              string
	SandboxKey             string
	Ports                  map[string][]PortBinding
	HairpinMode            bool
	LinkLocalIPv6Address   string
	LinkLocalIPv6PrefixLen int
	SecondaryIPAddresses   []Address
	SecondaryIPv6Addresses []Address
	EndpointID             string
	Gateway                string
	GlobalIPv6Address      string
	GlobalIPv6PrefixLen    int
	IPAddress              string
	IPPrefixLen            int
	IPv6Gateway            string
	MacAddress             string
	Networks               map[string]*EndpointSettings
}

// Address is an IP address with its prefix length.
type Address struct {
	Addr      string
	PrefixLen int
}

// EndpointSettings is the container's endpoint on one network: the engine's
// wire type, whose field order is the reference's.
type EndpointSettings = engine.EndpointSettings

// EndpointIPAMConfig is --ip, --ip6 and --link-local-ip.
type EndpointIPAMConfig = engine.EndpointIPAM
