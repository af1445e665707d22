package engine

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strconv"
)

// BuildOptions are the query of POST /build (the classic builder).
type BuildOptions struct {
	Tags         []string
	Dockerfile   string // path inside the context; "" lets the daemon look for Dockerfile
	Quiet        bool
	NoCache      bool
	Pull         bool
	Remove       bool // remove intermediate containers after a successful build
	ForceRemove  bool
	Squash       bool
	Target       string
	Platform     string
	NetworkMode  string
	Isolation    string
	CgroupParent string
	CPUSetCPUs   string
	CPUSetMems   string
	CPUShares    int64
	CPUQuota     int64
	CPUPeriod    int64
	Memory       int64
	MemorySwap   int64
	ShmSize      int64
	ExtraHosts   []string
	SecurityOpt  []string
	CacheFrom    []string
	Ulimits      []*Ulimit
	// BuildArgs maps a name to its value; nil is a name given without one
	// and not set in the environment (sent as null).
	BuildArgs map[string]*string
	Labels    map[string]string
	// RegistryConfig is the X-Registry-Config header: the credentials of
	// every configured registry, encoded.
	RegistryConfig string
}

// query encodes the options as the reference does: flags at their default
// are left out, lists are repeated or JSON as the API wants them.
func (o BuildOptions) query() (url.Values, error) {
	q := url.Values{"version": {"1"}}
	q["t"] = o.Tags
	q["extrahosts"] = o.ExtraHosts
	q["securityopt"] = o.SecurityOpt
	set := func(k, v string) {
		if v != "" {
			q.Set(k, v)
		}
	}
	flag := func(k string, on bool) {
		if on {
			q.Set(k, "1")
		}
	}
	num := func(k string, n int64) {
		if n != 0 {
			q.Set(k, strconv.FormatInt(n, 10))
		}
	}
	set("dockerfile", o.Dockerfile)
	flag("q", o.Quiet)
	flag("nocache", o.NoCache)
	flag("pull", o.Pull)
	if !o.Remove {
		q.Set("rm", "0")
	}
	flag("forcerm", o.ForceRemove)
	flag("squash", o.Squash)
	set("target", o.Target)
	set("platform", o.Platform)
	if o.NetworkMode != "default" {
		set("networkmode", o.NetworkMode)
	}
	if o.Isolation != "default" {
		set("isolation", o.Isolation)
	}
	set("cgroupparent", o.CgroupParent)
	set("cpusetcpus", o.CPUSetCPUs)
	set("cpusetmems", o.CPUSetMems)
	num("cpushares", o.CPUShares)
	num("cpuquota", o.CPUQuota)
	num("cpuperiod", o.CPUPeriod)
	num("memory", o.Memory)
	num("memswap", o.MemorySwap)
	num("shmsize", o.ShmSize)
	for k, v := range map[string]any{"cachefrom": o.CacheFrom, "ulimits": o.Ulimits, "buildargs": o.BuildArgs, "labels": o.Labels} {
		if empty(v) {
			continue
		}
		b, err := json.Marshal(v)
		if err != nil {
			return nil, err
		}
		q.Set(k, string(b))
	}
	for k, v := range q {
		if len(v) == 0 {
			delete(q, k)
		}
	}
	return q, nil
}

func empty(v any) bool {
	switch v := v.(type) {
	case []string:
		return len(v) == 0
	case []*Ulimit:
		return len(v) == 0
	case map[string]*string:
		return len(v) == 0
	case map[string]string:
		return len(v) == 0
	}
	return false
}

// ImageBuild sends the build context (a tar, possibly compressed, streamed
// as it is read; written straight to the socket when it is an Upload) and
// returns the daemon's JSON progress stream.
func (c *Client) ImageBuild(ctx context.Context, buildContext io.Reader, o BuildOptions) (io.ReadCloser, error) {
	q, err := o.query()
	if err != nil {
		return nil, err
	}
	h := http.Header{"Content-Type": {"application/x-tar"}}
	if o.RegistryConfig != "" {
		h.Set("X-Registry-Config", o.RegistryConfig)
	}
	r := request{method: http.MethodPost, path: "/build", query: q, body: buildContext, headers: h}
	if up, ok := buildContext.(Upload); ok {
		if body, ok, err := c.upload(ctx, r, up); ok {
			return body, err
		}
	}
	resp, err := c.do(ctx, r)
	if err != nil {
		return nil, err
	}
	return resp.Body, nil
}

// BuildCachePruneOptions are the query of POST /build/prune.
type BuildCachePruneOptions struct {
	All         bool // every cache record, not only the unused ones
	KeepStorage int64
	Filters     Filters
}

// BuildCachePrune calls POST /build/prune. The filters parameter is always
// sent, empty when there are none, as the reference sends it.
func (c *Client) BuildCachePrune(ctx context.Context, o BuildCachePruneOptions) (PruneReport, error) {
	q := url.Values{"filters": {""}}
	if o.All {
		q.Set("all", "1")
	}
	if o.KeepStorage != 0 {
		q.Set("keep-storage", strconv.FormatInt(o.KeepStorage, 10))
	}
	o.Filters.encode(q)
	var out struct {
		CachesDeleted  []string
		SpaceReclaimed uint64
	}
	err := c.doJSON(ctx, request{method: http.MethodPost, path: "/build/prune", query: q}, &out)
	return PruneReport{Deleted: out.CachesDeleted, SpaceReclaimed: out.SpaceReclaimed}, err
}
