package shapes

import "time"

// Network is GET /networks/{id}.
type Network struct {
	Name       string
	ID         string `json:"Id"`
	Created    time.Time
	Scope      string
	Driver     string
	EnableIPv4 bool
	EnableIPv6 bool
	IPAM       IPAM
	Internal   bool
	Attachable bool
	Ingress    bool
	ConfigFrom ConfigReference
	ConfigOnly bool
	Containers map[string]EndpointResource
	Options    map[string]string
	Labels     map[string]string
	Peers      []PeerInfo             `json:",omitempty"`
	Services   map[string]ServiceInfo `json:",omitempty"`
}

// IPAM is the network's address management.
type IPAM struct {
	Driver  string
	Options map[string]string
	Config  []IPAMConfig
}

// IPAMConfig is one address pool.
type IPAMConfig struct {
	Subnet     string            `json:",omitempty"`
	IPRange    string            `json:",omitempty"`
	Gateway    string            `json:",omitempty"`
	AuxAddress map[string]string `json:"AuxiliaryAddresses,omitempty"`
}

// ConfigReference names the network a config-from network copies.
type ConfigReference struct {
	Network string
}

// EndpointResource is a container attached to the network.
type EndpointResource struct {
	Name        string
	EndpointID  string
	MacAddress  string
	IPv4Address string
	IPv6Address string
}

// PeerInfo is a swarm peer of an overlay network.
type PeerInfo struct {
	Name string
	IP   string
}

// ServiceInfo is a swarm service on an overlay network.
type ServiceInfo struct {
	VIP          string
	Ports        []string
	LocalLBIndex int
	Tasks        []Task
}

// Task is one task of a ServiceInfo.
type Task struct {
	Name       string
	EndpointID string
	EndpointIP string
	Info       map[string]string
}
