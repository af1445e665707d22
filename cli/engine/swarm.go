package engine

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"time"
)

// The swarm wire types. Field order, types and omitempty follow the Engine
// API (the reference re-encodes what it read when it updates an object, so
// a spec must survive a read-modify-write unchanged).

// ObjectVersion is an object's version, sent back with updates.
type ObjectVersion struct {
	Index uint64 `json:",omitempty"`
}

// ObjectMeta is the bookkeeping every swarm object carries.
type ObjectMeta struct {
	Version   ObjectVersion `json:",omitempty"`
	CreatedAt time.Time     `json:",omitempty"`
	UpdatedAt time.Time     `json:",omitempty"`
}

// Annotations are an object's name and labels.
type Annotations struct {
	Name   string            `json:",omitempty"`
	Labels map[string]string `json:"Labels"`
}

// SwarmDriver names a driver (secrets, templating, logging) and its options.
type SwarmDriver struct {
	Name    string            `json:",omitempty"`
	Options map[string]string `json:",omitempty"`
}

// TLSInfo is the trust root and issuer of a node or the cluster.
type TLSInfo struct {
	TrustRoot           string `json:",omitempty"`
	CertIssuerSubject   []byte `json:",omitempty"`
	CertIssuerPublicKey []byte `json:",omitempty"`
}

// SwarmSpec is the cluster's configuration.
type SwarmSpec struct {
	Annotations
	Orchestration    OrchestrationConfig `json:",omitempty"`
	Raft             RaftConfig          `json:",omitempty"`
	Dispatcher       DispatcherConfig    `json:",omitempty"`
	CAConfig         CAConfig            `json:",omitempty"`
	TaskDefaults     TaskDefaults        `json:",omitempty"`
	EncryptionConfig EncryptionConfig    `json:",omitempty"`
}

// OrchestrationConfig is the task history to keep.
type OrchestrationConfig struct {
	TaskHistoryRetentionLimit *int64 `json:",omitempty"`
}

// TaskDefaults apply to tasks that do not say otherwise.
type TaskDefaults struct {
	LogDriver *SwarmDriver `json:",omitempty"`
}

// EncryptionConfig is whether managers lock their keys.
type EncryptionConfig struct {
	AutoLockManagers bool
}

// RaftConfig tunes the managers' consensus.
type RaftConfig struct {
	SnapshotInterval           uint64  `json:",omitempty"`
	KeepOldSnapshots           *uint64 `json:",omitempty"`
	LogEntriesForSlowFollowers uint64  `json:",omitempty"`
	ElectionTick               int
	HeartbeatTick              int
}

// DispatcherConfig tunes the agents' heartbeat.
type DispatcherConfig struct {
	HeartbeatPeriod time.Duration `json:",omitempty"`
}

// CAConfig configures the cluster's certificate authority.
type CAConfig struct {
	NodeCertExpiry time.Duration `json:",omitempty"`
	ExternalCAs    []*ExternalCA `json:",omitempty"`
	SigningCACert  string        `json:",omitempty"`
	SigningCAKey   string        `json:",omitempty"`
	ForceRotate    uint64        `json:",omitempty"`
}

// ExternalCA is a certificate signing endpoint.
type ExternalCA struct {
	Protocol string
	URL      string
	Options  map[string]string `json:",omitempty"`
	CACert   string
}

// ClusterInfo is the cluster as GET /swarm and /info describe it.
type ClusterInfo struct {
	ID string
	ObjectMeta
	Spec                   SwarmSpec
	TLSInfo                TLSInfo
	RootRotationInProgress bool
	DefaultAddrPool        []string
	SubnetSize             uint32
	DataPathPort           uint32
}

// JoinTokens are the secrets a node joins with.
type JoinTokens struct {
	Worker  string
	Manager string
}

// Swarm is GET /swarm.
type Swarm struct {
	ClusterInfo
	JoinTokens JoinTokens
}

// Peer is a manager as /info lists it.
type Peer struct {
	NodeID string
	Addr   string
}

// SwarmInfo is the Swarm part of GET /info.
type SwarmInfo struct {
	NodeID           string
	NodeAddr         string
	LocalNodeState   string
	ControlAvailable bool
	Error            string
	RemoteManagers   []Peer
	Nodes            int          `json:",omitempty"`
	Managers         int          `json:",omitempty"`
	Cluster          *ClusterInfo `json:",omitempty"`
	Warnings         []string     `json:",omitempty"`
}

// SwarmInitRequest is the body of POST /swarm/init.
type SwarmInitRequest struct {
	ListenAddr       string
	AdvertiseAddr    string
	DataPathAddr     string
	DataPathPort     uint32
	ForceNewCluster  bool
	Spec             SwarmSpec
	AutoLockManagers bool
	Availability     string
	DefaultAddrPool  []string
	SubnetSize       uint32
}

// SwarmJoinRequest is the body of POST /swarm/join.
type SwarmJoinRequest struct {
	ListenAddr    string
	AdvertiseAddr string
	DataPathAddr  string
	RemoteAddrs   []string
	JoinToken     string
	Availability  string
}

// SwarmRotate says which secrets POST /swarm/update rotates.
type SwarmRotate struct {
	WorkerToken, ManagerToken, ManagerUnlockKey bool
}

// SwarmInit calls POST /swarm/init and returns the new node's ID.
func (c *Client) SwarmInit(ctx context.Context, req SwarmInitRequest) (string, error) {
	var id string
	err := c.doJSON(ctx, request{method: http.MethodPost, path: "/swarm/init", json: req}, &id)
	return id, err
}

// SwarmJoin calls POST /swarm/join.
func (c *Client) SwarmJoin(ctx context.Context, req SwarmJoinRequest) error {
	return c.doJSON(ctx, request{method: http.MethodPost, path: "/swarm/join", json: req}, nil)
}

// SwarmLeave calls POST /swarm/leave[?force=1].
func (c *Client) SwarmLeave(ctx context.Context, force bool) error {
	var q url.Values
	if force {
		q = url.Values{"force": {"1"}}
	}
	return c.doJSON(ctx, request{method: http.MethodPost, path: "/swarm/leave", query: q}, nil)
}

// SwarmInspect calls GET /swarm.
func (c *Client) SwarmInspect(ctx context.Context) (Swarm, error) {
	var s Swarm
	err := c.doJSON(ctx, request{method: http.MethodGet, path: "/swarm"}, &s)
	return s, err
}

// SwarmUpdate calls POST /swarm/update with the spec read at version.
func (c *Client) SwarmUpdate(ctx context.Context, version uint64, spec SwarmSpec, rotate SwarmRotate) error {
	q := url.Values{
		"version":                {strconv.FormatUint(version, 10)},
		"rotateWorkerToken":      {strconv.FormatBool(rotate.WorkerToken)},
		"rotateManagerToken":     {strconv.FormatBool(rotate.ManagerToken)},
		"rotateManagerUnlockKey": {strconv.FormatBool(rotate.ManagerUnlockKey)},
	}
	return c.doJSON(ctx, request{method: http.MethodPost, path: "/swarm/update", query: q, json: spec}, nil)
}

// SwarmUnlockKey calls GET /swarm/unlockkey.
func (c *Client) SwarmUnlockKey(ctx context.Context) (string, error) {
	var out struct{ UnlockKey string }
	err := c.doJSON(ctx, request{method: http.MethodGet, path: "/swarm/unlockkey"}, &out)
	return out.UnlockKey, err
}

// SwarmUnlock calls POST /swarm/unlock.
func (c *Client) SwarmUnlock(ctx context.Context, key string) error {
	body := struct{ UnlockKey string }{key}
	return c.doJSON(ctx, request{method: http.MethodPost, path: "/swarm/unlock", json: body}, nil)
}

// SwarmState returns the Swarm part of GET /info: this node's place in a
// swarm.
func (c *Client) SwarmState(ctx context.Context) (SwarmInfo, error) {
	var out struct{ Swarm SwarmInfo }
	err := c.doJSON(ctx, request{method: http.MethodGet, path: "/info"}, &out)
	return out.Swarm, err
}

// rawAndTyped reads an object's JSON, decoded into out as well.
func (c *Client) rawAndTyped(ctx context.Context, path string, q url.Values, out any) ([]byte, error) {
	raw, err := c.getRaw(ctx, path, q)
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(raw, out); err != nil {
		return nil, err
	}
	return raw, nil
}

// list reads a JSON array of swarm objects (GET /nodes, /secrets, ...).
func list[T any](ctx context.Context, c *Client, path string, f Filters) ([]T, error) {
	q := url.Values{}
	f.encode(q)
	var out []T
	err := c.doJSON(ctx, request{method: http.MethodGet, path: path, query: q}, &out)
	return out, err
}

// create posts a spec and returns the new object's ID.
func (c *Client) create(ctx context.Context, path string, spec any) (string, error) {
	var out struct{ ID string }
	err := c.doJSON(ctx, request{method: http.MethodPost, path: path, json: spec}, &out)
	return out.ID, err
}

// remove deletes an object.
func (c *Client) remove(ctx context.Context, path string) error {
	return c.doJSON(ctx, request{method: http.MethodDelete, path: path}, nil)
}
