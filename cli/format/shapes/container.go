package shapes

import (
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
	HostConfig      *engine.HostConfig
	GraphDriver     GraphDriver
	SizeRw          *int64 `json:",omitempty"`
	SizeRootFs      *int64 `json:",omitempty"`

	Mounts                  []engine.MountPoint
	Config                  *engine.Config
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

// NetworkSettings is the container's networking state; {{.NetworkSettings}}
// prints its two embedded parts in braces of their own.
type NetworkSettings struct {
	NetworkSettingsBase
	DefaultNetworkSettings
	Networks map[string]*engine.EndpointSettings
}

// NetworkSettingsBase is the sandbox and its ports.
type NetworkSettingsBase struct {
	Bridge                 string
	SandboxID              string
	SandboxKey             string
	Ports                  map[string][]engine.PortBinding
	HairpinMode            bool
	LinkLocalIPv6Address   string
	LinkLocalIPv6PrefixLen int
	SecondaryIPAddresses   []Address
	SecondaryIPv6Addresses []Address
}

// DefaultNetworkSettings is the endpoint on the default bridge network.
type DefaultNetworkSettings struct {
	EndpointID          string
	Gateway             string
	GlobalIPv6Address   string
	GlobalIPv6PrefixLen int
	IPAddress           string
	IPPrefixLen         int
	IPv6Gateway         string
	MacAddress          string
}

// Address is an IP address with its prefix length.
type Address struct {
	Addr      string
	PrefixLen int
}
