package engine

// HostConfig is how the host runs a container, as create sends it and
// inspect reports it (fields in the reference's order). The create body sets
// every list the reference sends as [] rather than null; the daemon fills
// defaults from what is absent.
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

// LogConfig is the logging driver and its options.
type LogConfig struct {
	Type   string
	Config map[string]string
}

// RestartPolicy is --restart: "no", "always", "unless-stopped" or
// "on-failure" with a retry count ("" leaves it unchanged in an update).
type RestartPolicy struct {
	Name              string
	MaximumRetryCount int
}

// PortBinding is the host side of a published port; an empty HostPort lets
// the daemon pick one.
type PortBinding struct {
	HostIP   string `json:"HostIp"`
	HostPort string
}
