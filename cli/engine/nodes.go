package engine

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
)

// Node is a swarm node (GET /nodes).
type Node struct {
	ID string
	ObjectMeta
	Spec          NodeSpec        `json:",omitempty"`
	Description   NodeDescription `json:",omitempty"`
	Status        NodeStatus      `json:",omitempty"`
	ManagerStatus *ManagerStatus  `json:",omitempty"`
}

// NodeSpec is what an update may change: labels, role and availability.
type NodeSpec struct {
	Annotations
	Role         string `json:",omitempty"`
	Availability string `json:",omitempty"`
}

// NodeDescription is what the node reports about itself.
type NodeDescription struct {
	Hostname  string            `json:",omitempty"`
	Platform  SwarmPlatform     `json:",omitempty"`
	Resources SwarmResources    `json:",omitempty"`
	Engine    EngineDescription `json:",omitempty"`
	TLSInfo   TLSInfo           `json:",omitempty"`
	CSIInfo   []NodeCSIInfo     `json:",omitempty"`
}

// SwarmPlatform is a node's OS and architecture.
type SwarmPlatform struct {
	Architecture string `json:",omitempty"`
	OS           string `json:",omitempty"`
}

// SwarmResources are CPUs, memory and generic resources.
type SwarmResources struct {
	NanoCPUs         int64             `json:",omitempty"`
	MemoryBytes      int64             `json:",omitempty"`
	GenericResources []GenericResource `json:",omitempty"`
}

// GenericResource is a named or counted user-defined resource.
type GenericResource struct {
	NamedResourceSpec    *NamedGenericResource    `json:",omitempty"`
	DiscreteResourceSpec *DiscreteGenericResource `json:",omitempty"`
}

// NamedGenericResource is one named resource ("GPU=UUID1").
type NamedGenericResource struct {
	Kind  string `json:",omitempty"`
	Value string `json:",omitempty"`
}

// DiscreteGenericResource is a count of a resource ("SSD=3").
type DiscreteGenericResource struct {
	Kind  string `json:",omitempty"`
	Value int64  `json:",omitempty"`
}

// EngineDescription is the node's engine.
type EngineDescription struct {
	EngineVersion string              `json:",omitempty"`
	Labels        map[string]string   `json:",omitempty"`
	Plugins       []PluginDescription `json:",omitempty"`
}

// PluginDescription is a plugin of the node's engine.
type PluginDescription struct {
	Type string `json:",omitempty"`
	Name string `json:",omitempty"`
}

// NodeCSIInfo is a CSI plugin on the node (API 1.42).
type NodeCSIInfo struct {
	PluginName         string
	NodeID             string
	MaxVolumesPerNode  int64     `json:",omitempty"`
	AccessibleTopology *Topology `json:",omitempty"`
}

// Topology is where a cluster volume can be reached.
type Topology struct {
	Segments map[string]string `json:",omitempty"`
}

// NodeStatus is the node's state as the managers see it.
type NodeStatus struct {
	State   string `json:",omitempty"`
	Message string `json:",omitempty"`
	Addr    string `json:",omitempty"`
}

// ManagerStatus is a manager's place in the raft cluster.
type ManagerStatus struct {
	Leader       bool   `json:",omitempty"`
	Reachability string `json:",omitempty"`
	Addr         string `json:",omitempty"`
}

// NodeList calls GET /nodes.
func (c *Client) NodeList(ctx context.Context, f Filters) ([]Node, error) {
	return list[Node](ctx, c, "/nodes", f)
}

// NodeInspect calls GET /nodes/{id} and returns the node and its JSON.
func (c *Client) NodeInspect(ctx context.Context, id string) (Node, []byte, error) {
	var n Node
	raw, err := c.rawAndTyped(ctx, "/nodes/"+id, nil, &n)
	return n, raw, err
}

// NodeUpdate calls POST /nodes/{id}/update with the spec read at version.
func (c *Client) NodeUpdate(ctx context.Context, id string, version uint64, spec NodeSpec) error {
	return c.update(ctx, "/nodes/"+id+"/update", version, spec)
}

// update posts the spec of a swarm object read at version.
func (c *Client) update(ctx context.Context, path string, version uint64, spec any) error {
	q := url.Values{"version": {strconv.FormatUint(version, 10)}}
	return c.doJSON(ctx, request{method: http.MethodPost, path: path, query: q, json: spec}, nil)
}

// NodeRemove calls DELETE /nodes/{id}[?force=1].
func (c *Client) NodeRemove(ctx context.Context, id string, force bool) error {
	var q url.Values
	if force {
		q = url.Values{"force": {"1"}}
	}
	return c.doJSON(ctx, request{method: http.MethodDelete, path: "/nodes/" + id, query: q}, nil)
}
