package engine

import (
	"context"
	"net/http"
	"net/url"
	"time"
)

// Network is an entry of GET /networks.
type Network struct {
	ID         string `json:"Id"`
	Name       string
	Driver     string
	Scope      string
	Created    time.Time
	EnableIPv4 bool // absent (false) before API 1.47
	EnableIPv6 bool
	Internal   bool
	Labels     map[string]string
}

// NetworkList lists networks.
func (c *Client) NetworkList(ctx context.Context, f Filters) ([]Network, error) {
	q := url.Values{}
	f.encode(q)
	var out []Network
	err := c.doJSON(ctx, request{method: http.MethodGet, path: "/networks", query: q}, &out)
	return out, err
}

// NetworkIPAMConfig is one address pool of a new network.
type NetworkIPAMConfig struct {
	Subnet     string            `json:",omitempty"`
	IPRange    string            `json:",omitempty"`
	Gateway    string            `json:",omitempty"`
	AuxAddress map[string]string `json:"AuxiliaryAddresses,omitempty"`
}

// NetworkIPAM is the address management of a new network.
type NetworkIPAM struct {
	Driver  string
	Options map[string]string
	Config  []NetworkIPAMConfig
}

// NetworkCreateRequest is the body of POST /networks/create, fields in the
// reference's order. EnableIPv4/EnableIPv6 are only sent when set.
type NetworkCreateRequest struct {
	Driver         string
	Scope          string
	EnableIPv4     *bool `json:",omitempty"`
	EnableIPv6     *bool `json:",omitempty"`
	IPAM           *NetworkIPAM
	Internal       bool
	Attachable     bool
	Ingress        bool
	ConfigOnly     bool
	ConfigFrom     *struct{ Network string }
	Options        map[string]string
	Labels         map[string]string
	Name           string
	CheckDuplicate bool `json:",omitempty"`
}

// NetworkCreateResponse is the reply of POST /networks/create.
type NetworkCreateResponse struct {
	ID      string `json:"Id"`
	Warning string
}

// NetworkCreate calls POST /networks/create.
func (c *Client) NetworkCreate(ctx context.Context, body NetworkCreateRequest) (NetworkCreateResponse, error) {
	var out NetworkCreateResponse
	err := c.doJSON(ctx, request{method: http.MethodPost, path: "/networks/create", json: body}, &out)
	return out, err
}

// NetworkInspect returns the daemon's JSON of one network.
func (c *Client) NetworkInspect(ctx context.Context, name string, verbose bool) ([]byte, error) {
	var q url.Values
	if verbose {
		q = url.Values{"verbose": {"true"}}
	}
	return c.getRaw(ctx, "/networks/"+name, q)
}

// NetworkRemove calls DELETE /networks/{id}.
func (c *Client) NetworkRemove(ctx context.Context, name string) error {
	return c.doJSON(ctx, request{method: http.MethodDelete, path: "/networks/" + name}, nil)
}

// EndpointIPAM is the static addressing of a network endpoint.
type EndpointIPAM struct {
	IPv4Address  string   `json:",omitempty"`
	IPv6Address  string   `json:",omitempty"`
	LinkLocalIPs []string `json:",omitempty"`
}

// EndpointSettings is a container's configuration on one network, as
// POST /networks/{id}/connect takes it (fields in the reference's order).
type EndpointSettings struct {
	IPAMConfig          *EndpointIPAM
	Links               []string
	Aliases             []string
	MacAddress          string
	DriverOpts          map[string]string
	GwPriority          int
	NetworkID           string
	EndpointID          string
	Gateway             string
	IPAddress           string
	IPPrefixLen         int
	IPv6Gateway         string
	GlobalIPv6Address   string
	GlobalIPv6PrefixLen int
	DNSNames            []string
}

// NetworkConnect calls POST /networks/{id}/connect.
func (c *Client) NetworkConnect(ctx context.Context, network, container string, ep *EndpointSettings) error {
	body := struct {
		Container      string
		EndpointConfig *EndpointSettings `json:",omitempty"`
	}{container, ep}
	return c.doJSON(ctx, request{method: http.MethodPost, path: "/networks/" + network + "/connect", json: body}, nil)
}

// NetworkDisconnect calls POST /networks/{id}/disconnect.
func (c *Client) NetworkDisconnect(ctx context.Context, network, container string, force bool) error {
	body := struct {
		Container string
		Force     bool
	}{container, force}
	return c.doJSON(ctx, request{method: http.MethodPost, path: "/networks/" + network + "/disconnect", json: body}, nil)
}

// NetworksPrune calls POST /networks/prune and returns the deleted names.
func (c *Client) NetworksPrune(ctx context.Context, f Filters) ([]string, error) {
	q := url.Values{}
	f.encode(q)
	var out struct{ NetworksDeleted []string }
	err := c.doJSON(ctx, request{method: http.MethodPost, path: "/networks/prune", query: q}, &out)
	return out.NetworksDeleted, err
}
