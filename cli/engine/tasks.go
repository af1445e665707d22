package engine

import (
	"context"
	"encoding/json"
	"io"
	"time"
)

// Task is one scheduled instance of a service (GET /tasks).
type Task struct {
	ID string
	ObjectMeta
	Annotations
	Spec                TaskSpec            `json:",omitempty"`
	ServiceID           string              `json:",omitempty"`
	Slot                int                 `json:",omitempty"`
	NodeID              string              `json:",omitempty"`
	Status              TaskStatus          `json:",omitempty"`
	DesiredState        string              `json:",omitempty"`
	NetworksAttachments []NetworkAttachment `json:",omitempty"`
	GenericResources    []GenericResource   `json:",omitempty"`
	JobIteration        *ObjectVersion      `json:",omitempty"`
	Volumes             []VolumeAttachment  `json:",omitempty"`
}

// TaskStatus is where a task is in its life.
type TaskStatus struct {
	Timestamp       time.Time        `json:",omitempty"`
	State           string           `json:",omitempty"`
	Message         string           `json:",omitempty"`
	Err             string           `json:",omitempty"`
	ContainerStatus *ContainerStatus `json:",omitempty"`
	PortStatus      PortStatus       `json:",omitempty"`
}

// ContainerStatus is the container running a task.
type ContainerStatus struct {
	ContainerID string `json:",omitempty"`
	PID         int    `json:",omitempty"`
	ExitCode    int    `json:",omitempty"`
}

// PortStatus lists the ports a task published on its node (host mode).
type PortStatus struct {
	Ports []PortConfig `json:",omitempty"`
}

// NetworkAttachment is a task's addresses on a network (the network as
// the daemon describes it, kept as sent).
type NetworkAttachment struct {
	Network   json.RawMessage
	Addresses []string
}

// VolumeAttachment is a cluster volume used by a task.
type VolumeAttachment struct {
	ID     string
	Source string
	Target string
}

// TaskSpec is what a task runs and where.
type TaskSpec struct {
	ContainerSpec         *ContainerSpec                `json:",omitempty"`
	PluginSpec            json.RawMessage               `json:",omitempty"`
	NetworkAttachmentSpec *struct{ ContainerID string } `json:",omitempty"`
	Resources             *ResourceRequirements         `json:",omitempty"`
	RestartPolicy         *SwarmRestartPolicy           `json:",omitempty"`
	Placement             *Placement                    `json:",omitempty"`
	Networks              []NetworkAttachmentConfig     `json:",omitempty"`
	LogDriver             *SwarmDriver                  `json:",omitempty"`
	ForceUpdate           uint64
	Runtime               string `json:",omitempty"`
}

// ContainerSpec is the container a task runs; its mounts, healthcheck and
// ulimits are the container API's types.
type ContainerSpec struct {
	Image           string             `json:",omitempty"`
	Labels          map[string]string  `json:",omitempty"`
	Command         []string           `json:",omitempty"`
	Args            []string           `json:",omitempty"`
	Hostname        string             `json:",omitempty"`
	Env             []string           `json:",omitempty"`
	Dir             string             `json:",omitempty"`
	User            string             `json:",omitempty"`
	Groups          []string           `json:",omitempty"`
	Privileges      *Privileges        `json:",omitempty"`
	Init            *bool              `json:",omitempty"`
	StopSignal      string             `json:",omitempty"`
	TTY             bool               `json:",omitempty"`
	OpenStdin       bool               `json:",omitempty"`
	ReadOnly        bool               `json:",omitempty"`
	Mounts          []Mount            `json:",omitempty"`
	StopGracePeriod *time.Duration     `json:",omitempty"`
	Healthcheck     *HealthConfig      `json:",omitempty"`
	Hosts           []string           `json:",omitempty"`
	DNSConfig       *DNSConfig         `json:",omitempty"`
	Secrets         []*SecretReference `json:",omitempty"`
	Configs         []*ConfigReference `json:",omitempty"`
	Isolation       string             `json:",omitempty"`
	Sysctls         map[string]string  `json:",omitempty"`
	CapabilityAdd   []string           `json:",omitempty"`
	CapabilityDrop  []string           `json:",omitempty"`
	Ulimits         []*Ulimit          `json:",omitempty"`
	OomScoreAdj     int64              `json:",omitempty"`
}

// Privileges are a service container's security settings. The reference
// sends the first two even when unset (null).
type Privileges struct {
	CredentialSpec  *CredentialSpec
	SELinuxContext  *SELinuxContext
	Seccomp         *SeccompOpts  `json:",omitempty"`
	AppArmor        *AppArmorOpts `json:",omitempty"`
	NoNewPrivileges bool
}

// CredentialSpec names a Windows managed service account's credential
// spec: a config, a file or a registry value (one of them).
type CredentialSpec struct {
	Config   string
	File     string
	Registry string
}

// SELinuxContext is the SELinux label of the container.
type SELinuxContext struct {
	Disable bool
	User    string
	Role    string
	Type    string
	Level   string
}

// SeccompOpts is the seccomp mode and custom profile.
type SeccompOpts struct {
	Mode    string `json:",omitempty"`
	Profile []byte `json:",omitempty"`
}

// AppArmorOpts is the AppArmor mode.
type AppArmorOpts struct {
	Mode string `json:",omitempty"`
}

// DNSConfig is a container's resolver configuration.
type DNSConfig struct {
	Nameservers []string `json:",omitempty"`
	Search      []string `json:",omitempty"`
	Options     []string `json:",omitempty"`
}

// SecretReference mounts a secret into a task.
type SecretReference struct {
	File       *FileTarget
	SecretID   string
	SecretName string
}

// ConfigReference mounts a config into a task (as a file or as the
// credential spec of the runtime).
type ConfigReference struct {
	File       *FileTarget    `json:",omitempty"`
	Runtime    *RuntimeTarget `json:",omitempty"`
	ConfigID   string
	ConfigName string
}

// RuntimeTarget makes a config the runtime's credential spec.
type RuntimeTarget struct{}

// FileTarget is the file a secret or config appears as.
type FileTarget struct {
	Name string
	UID  string
	GID  string
	Mode uint32
}

// ResourceRequirements are a task's limits and reservations.
type ResourceRequirements struct {
	Limits           *Limit          `json:",omitempty"`
	Reservations     *SwarmResources `json:",omitempty"`
	SwapBytes        *int64          `json:",omitempty"`
	MemorySwappiness *int64          `json:",omitempty"`
}

// Limit caps a task's resources.
type Limit struct {
	NanoCPUs    int64 `json:",omitempty"`
	MemoryBytes int64 `json:",omitempty"`
	Pids        int64 `json:",omitempty"`
}

// SwarmRestartPolicy is when and how often a task is restarted.
type SwarmRestartPolicy struct {
	Condition   string         `json:",omitempty"`
	Delay       *time.Duration `json:",omitempty"`
	MaxAttempts *uint64        `json:",omitempty"`
	Window      *time.Duration `json:",omitempty"`
}

// Placement constrains the nodes a task may run on.
type Placement struct {
	Constraints []string              `json:",omitempty"`
	Preferences []PlacementPreference `json:",omitempty"`
	MaxReplicas uint64                `json:",omitempty"`
	Platforms   []SwarmPlatform       `json:",omitempty"`
}

// PlacementPreference spreads tasks over the values of a node label.
type PlacementPreference struct {
	Spread *SpreadOver
}

// SpreadOver names the node label tasks are spread over.
type SpreadOver struct {
	SpreadDescriptor string
}

// TaskList calls GET /tasks.
func (c *Client) TaskList(ctx context.Context, f Filters) ([]Task, error) {
	return list[Task](ctx, c, "/tasks", f)
}

// TaskInspect calls GET /tasks/{id} and returns the task and its JSON.
func (c *Client) TaskInspect(ctx context.Context, id string) (Task, []byte, error) {
	var t Task
	raw, err := c.rawAndTyped(ctx, "/tasks/"+id, nil, &t)
	return t, raw, err
}

// TaskLogs streams one task's logs, like ServiceLogs.
func (c *Client) TaskLogs(ctx context.Context, id string, o LogsOptions) (io.ReadCloser, error) {
	return c.streamGet(ctx, "/tasks/"+id+"/logs", o.query())
}
