package system

import (
	"encoding/json"

	"github.com/dockerclone/docker/cli/engine"
)

// Info is GET /info as the reference's client decodes it: its fields, order
// and omitted empties are what `info --format '{{json .}}'` prints, and
// which names a template can use. Keys the daemon sends that are not here
// (BridgeNfIptables, ...) are dropped, as the reference drops them.
type Info struct {
	ID                  string
	Containers          int
	ContainersRunning   int
	ContainersPaused    int
	ContainersStopped   int
	Images              int
	Driver              string
	DriverStatus        [][2]string
	SystemStatus        [][2]string `json:",omitempty"`
	Plugins             PluginsInfo
	MemoryLimit         bool
	SwapLimit           bool
	KernelMemory        bool `json:",omitempty"`
	KernelMemoryTCP     bool `json:",omitempty"`
	CPUCfsPeriod        bool `json:"CpuCfsPeriod"`
	CPUCfsQuota         bool `json:"CpuCfsQuota"`
	CPUShares           bool
	CPUSet              bool
	PidsLimit           bool
	IPv4Forwarding      bool
	Debug               bool
	NFd                 int
	OomKillDisable      bool
	NGoroutines         int
	SystemTime          string
	LoggingDriver       string
	CgroupDriver        string
	CgroupVersion       string `json:",omitempty"`
	NEventsListener     int
	KernelVersion       string
	OperatingSystem     string
	OSVersion           string
	OSType              string
	Architecture        string
	IndexServerAddress  string
	RegistryConfig      *RegistryConfig
	NCPU                int
	MemTotal            int64
	GenericResources    []json.RawMessage
	DockerRootDir       string
	HTTPProxy           string `json:"HttpProxy"`
	HTTPSProxy          string `json:"HttpsProxy"`
	NoProxy             string
	Name                string
	Labels              []string
	ExperimentalBuild   bool
	ServerVersion       string
	Runtimes            map[string]Runtime
	DefaultRuntime      string
	Swarm               SwarmInfo
	LiveRestoreEnabled  bool
	Isolation           string
	InitBinary          string
	ContainerdCommit    Commit
	RuncCommit          Commit
	InitCommit          Commit
	SecurityOptions     []string
	ProductLicense      string          `json:",omitempty"`
	DefaultAddressPools []AddressPool   `json:",omitempty"`
	FirewallBackend     json.RawMessage `json:",omitempty"`
	CDISpecDirs         []string
	Containerd          json.RawMessage `json:",omitempty"`
	Warnings            []string
}

// PluginsInfo lists the daemon's plugins by kind.
type PluginsInfo struct {
	Volume        []string
	Network       []string
	Authorization []string
	Log           []string
}

// RegistryConfig is the daemon's registry configuration.
type RegistryConfig struct {
	InsecureRegistryCIDRs []string
	IndexConfigs          map[string]*IndexInfo
	Mirrors               []string
}

// MarshalJSON prints the keys sorted at every level, as the reference does
// (it goes through a map to drop deprecated fields).
func (r *RegistryConfig) MarshalJSON() ([]byte, error) {
	type plain RegistryConfig
	b, err := json.Marshal((*plain)(r))
	if err != nil {
		return nil, err
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, err
	}
	return json.Marshal(m)
}

// IndexInfo is one registry the daemon knows.
type IndexInfo struct {
	Name     string
	Mirrors  []string
	Secure   bool
	Official bool
}

// Runtime is an OCI runtime of the daemon.
type Runtime struct {
	Path    string            `json:"path,omitempty"`
	Args    []string          `json:"runtimeArgs,omitempty"`
	Type    string            `json:"runtimeType,omitempty"`
	Options map[string]any    `json:"options,omitempty"`
	Status  map[string]string `json:"status,omitempty"`
}

// SwarmInfo is the node's swarm state.
type SwarmInfo = engine.SwarmInfo

// Commit is the version of a component the daemon runs.
type Commit struct {
	ID       string
	Expected string `json:",omitempty"`
}

// AddressPool is a default address pool for networks.
type AddressPool struct {
	Base string
	Size int
}
