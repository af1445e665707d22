package engine

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"time"
)

// Service is a swarm service (GET /services).
type Service struct {
	ID string
	ObjectMeta
	Spec          ServiceSpec    `json:",omitempty"`
	PreviousSpec  *ServiceSpec   `json:",omitempty"`
	Endpoint      Endpoint       `json:",omitempty"`
	UpdateStatus  *UpdateStatus  `json:",omitempty"`
	ServiceStatus *ServiceStatus `json:",omitempty"`
	JobStatus     *JobStatus     `json:",omitempty"`
}

// ServiceSpec is what a service should be.
type ServiceSpec struct {
	Annotations
	TaskTemplate   TaskSpec                  `json:",omitempty"`
	Mode           ServiceMode               `json:",omitempty"`
	UpdateConfig   *ServiceUpdateConfig      `json:",omitempty"`
	RollbackConfig *ServiceUpdateConfig      `json:",omitempty"`
	Networks       []NetworkAttachmentConfig `json:",omitempty"`
	EndpointSpec   *EndpointSpec             `json:",omitempty"`
}

// ServiceMode is how many tasks run: exactly one field is set.
type ServiceMode struct {
	Replicated    *ReplicatedService `json:",omitempty"`
	Global        *struct{}          `json:",omitempty"`
	ReplicatedJob *ReplicatedJob     `json:",omitempty"`
	GlobalJob     *struct{}          `json:",omitempty"`
}

// ReplicatedService runs a number of replicas.
type ReplicatedService struct {
	Replicas *uint64 `json:",omitempty"`
}

// ReplicatedJob runs a number of completions, some at a time.
type ReplicatedJob struct {
	MaxConcurrent    *uint64 `json:",omitempty"`
	TotalCompletions *uint64 `json:",omitempty"`
}

// ServiceUpdateConfig is how updates (or rollbacks) roll through the tasks.
type ServiceUpdateConfig struct {
	Parallelism     uint64
	Delay           time.Duration `json:",omitempty"`
	FailureAction   string        `json:",omitempty"`
	Monitor         time.Duration `json:",omitempty"`
	MaxFailureRatio float32
	Order           string
}

// UpdateStatus is the progress of the last update.
type UpdateStatus struct {
	State       string     `json:",omitempty"`
	StartedAt   *time.Time `json:",omitempty"`
	CompletedAt *time.Time `json:",omitempty"`
	Message     string     `json:",omitempty"`
}

// ServiceStatus counts tasks (GET /services?status=true, API 1.41).
type ServiceStatus struct {
	RunningTasks   uint64
	DesiredTasks   uint64
	CompletedTasks uint64
}

// JobStatus is the state of a job service.
type JobStatus struct {
	JobIteration  ObjectVersion
	LastExecution time.Time `json:",omitempty"`
}

// Endpoint is how a service is reached.
type Endpoint struct {
	Spec       EndpointSpec        `json:",omitempty"`
	Ports      []PortConfig        `json:",omitempty"`
	VirtualIPs []EndpointVirtualIP `json:",omitempty"`
}

// EndpointSpec is the requested endpoint: vip or dnsrr, and ports.
type EndpointSpec struct {
	Mode  string       `json:",omitempty"`
	Ports []PortConfig `json:",omitempty"`
}

// PortConfig is a published port.
type PortConfig struct {
	Name          string `json:",omitempty"`
	Protocol      string `json:",omitempty"`
	TargetPort    uint32 `json:",omitempty"`
	PublishedPort uint32 `json:",omitempty"`
	PublishMode   string `json:",omitempty"`
}

// EndpointVirtualIP is the service's address on a network.
type EndpointVirtualIP struct {
	NetworkID string `json:",omitempty"`
	Addr      string `json:",omitempty"`
}

// NetworkAttachmentConfig attaches a service or task to a network.
type NetworkAttachmentConfig struct {
	Target     string            `json:",omitempty"`
	Aliases    []string          `json:",omitempty"`
	DriverOpts map[string]string `json:",omitempty"`
}

// ServiceListOptions are the query of GET /services.
type ServiceListOptions struct {
	Filters Filters
	Status  bool // running and desired task counts (API 1.41)
}

// ServiceList calls GET /services.
func (c *Client) ServiceList(ctx context.Context, o ServiceListOptions) ([]Service, error) {
	q := url.Values{}
	o.Filters.encode(q)
	if o.Status {
		q.Set("status", "true")
	}
	var out []Service
	err := c.doJSON(ctx, request{method: http.MethodGet, path: "/services", query: q}, &out)
	return out, err
}

// ServiceInspect calls GET /services/{id}; insertDefaults fills in the
// settings the daemon would use. It returns the service and its JSON.
func (c *Client) ServiceInspect(ctx context.Context, id string, insertDefaults bool) (Service, []byte, error) {
	var s Service
	q := url.Values{"insertDefaults": {strconv.FormatBool(insertDefaults)}}
	raw, err := c.rawAndTyped(ctx, "/services/"+id, q, &s)
	return s, raw, err
}

// ServiceRemove calls DELETE /services/{id}.
func (c *Client) ServiceRemove(ctx context.Context, id string) error {
	return c.remove(ctx, "/services/"+id)
}

// ServiceLogs streams a service's logs, multiplexed, each line prefixed
// with its details when o.Details is set.
func (c *Client) ServiceLogs(ctx context.Context, id string, o LogsOptions) (io.ReadCloser, error) {
	return c.streamGet(ctx, "/services/"+id+"/logs", o.query())
}

// NetworkRef is a network's ID and name.
type NetworkRef struct {
	ID   string `json:"Id"`
	Name string
}

// SwarmNetwork looks a network up by ID or name as the swarm sees it
// (GET /networks/{ref}?scope=swarm).
func (c *Client) SwarmNetwork(ctx context.Context, ref string) (NetworkRef, error) {
	var n NetworkRef
	err := c.doJSON(ctx, request{method: http.MethodGet, path: "/networks/" + ref, query: url.Values{"scope": {"swarm"}}}, &n)
	return n, err
}

// ServiceCreateResponse is the reply of POST /services/create.
type ServiceCreateResponse struct {
	ID       string
	Warnings []string `json:",omitempty"`
}

// ServiceCreate calls POST /services/create; auth, when set, is the
// X-Registry-Auth the nodes pull the image with.
func (c *Client) ServiceCreate(ctx context.Context, spec ServiceSpec, auth string) (ServiceCreateResponse, error) {
	var out ServiceCreateResponse
	err := c.doJSON(ctx, request{method: http.MethodPost, path: "/services/create", json: spec, headers: authHeader(auth)}, &out)
	return out, err
}

// ServiceUpdateOptions are the query and header of a service update.
type ServiceUpdateOptions struct {
	// Auth is the X-Registry-Auth to store in the spec; without it the
	// daemon is told to keep the one it has (registryAuthFrom=spec), unless
	// NoAuthFrom (scale, rollback, stack deploy) leaves the parameter out.
	Auth       string
	NoAuthFrom bool
	// Rollback reverts to the previous spec (rollback=previous).
	Rollback bool
}

// ServiceUpdate calls POST /services/{id}/update with the spec read at
// version and returns the daemon's warnings.
func (c *Client) ServiceUpdate(ctx context.Context, id string, version uint64, spec ServiceSpec, o ServiceUpdateOptions) ([]string, error) {
	q := url.Values{}
	if o.Rollback {
		q.Set("rollback", "previous")
	}
	if o.Auth == "" && !o.NoAuthFrom {
		q.Set("registryAuthFrom", "spec")
	}
	q.Set("version", strconv.FormatUint(version, 10))
	var out struct{ Warnings []string }
	err := c.doJSON(ctx, request{method: http.MethodPost, path: "/services/" + id + "/update", query: q, json: spec, headers: authHeader(o.Auth)}, &out)
	return out.Warnings, err
}
