package engine

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"time"
)

// TopResult is the reply of GET /containers/{id}/top: ps's columns and rows.
type TopResult struct {
	Titles    []string
	Processes [][]string
}

// ContainerTop runs ps in the container; psArgs empty uses the daemon's default.
func (c *Client) ContainerTop(ctx context.Context, id, psArgs string) (TopResult, error) {
	if err := checkContainerID(id); err != nil {
		return TopResult{}, err
	}
	var q url.Values
	if psArgs != "" {
		q = url.Values{"ps_args": {psArgs}}
	}
	var out TopResult
	err := c.doJSON(ctx, request{method: http.MethodGet, path: "/containers/" + id + "/top", query: q}, &out)
	return out, err
}

// Change is one entry of GET /containers/{id}/changes; Kind 0 modified,
// 1 added, 2 deleted.
type Change struct {
	Path string
	Kind int
}

// ContainerChanges lists the changes to a container's filesystem.
func (c *Client) ContainerChanges(ctx context.Context, id string) ([]Change, error) {
	if err := checkContainerID(id); err != nil {
		return nil, err
	}
	var out []Change
	err := c.doJSON(ctx, request{method: http.MethodGet, path: "/containers/" + id + "/changes"}, &out)
	return out, err
}

// ContainerExport streams the container's filesystem as a tar archive.
func (c *Client) ContainerExport(ctx context.Context, id string) (io.ReadCloser, error) {
	if err := checkContainerID(id); err != nil {
		return nil, err
	}
	resp, err := c.do(ctx, request{method: http.MethodGet, path: "/containers/" + id + "/export"})
	if err != nil {
		return nil, err
	}
	return resp.Body, nil
}

// PathStat describes a path in a container (the X-Docker-Container-Path-Stat header).
type PathStat struct {
	Name       string      `json:"name"`
	Size       int64       `json:"size"`
	Mode       os.FileMode `json:"mode"`
	Mtime      time.Time   `json:"mtime"`
	LinkTarget string      `json:"linkTarget"`
}

const pathStatHeader = "X-Docker-Container-Path-Stat"

func decodePathStat(h http.Header) (PathStat, error) {
	var st PathStat
	v := h.Get(pathStatHeader)
	if v == "" {
		return st, nil
	}
	b, err := base64.StdEncoding.DecodeString(v)
	if err != nil {
		return st, fmt.Errorf("unable to decode container path stat header: %w", err)
	}
	if err := json.Unmarshal(b, &st); err != nil {
		return st, fmt.Errorf("unable to decode container path stat header: %w", err)
	}
	return st, nil
}

func archivePath(id string) string { return "/containers/" + id + "/archive" }

// ContainerStatPath stats a path in a container (HEAD .../archive).
func (c *Client) ContainerStatPath(ctx context.Context, id, path string) (PathStat, error) {
	if err := checkContainerID(id); err != nil {
		return PathStat{}, err
	}
	resp, err := c.do(ctx, request{method: http.MethodHead, path: archivePath(id), query: url.Values{"path": {path}}})
	if err != nil {
		return PathStat{}, err
	}
	resp.Body.Close()
	return decodePathStat(resp.Header)
}

// CopyFromContainer returns a tar archive of path and the path's stat.
func (c *Client) CopyFromContainer(ctx context.Context, id, path string) (io.ReadCloser, PathStat, error) {
	resp, err := c.do(ctx, request{method: http.MethodGet, path: archivePath(id), query: url.Values{"path": {path}}})
	if err != nil {
		return nil, PathStat{}, err
	}
	st, err := decodePathStat(resp.Header)
	if err != nil {
		resp.Body.Close()
		return nil, PathStat{}, err
	}
	return resp.Body, st, nil
}

// CopyToContainer extracts the tar archive content into the directory dir
// of a container.
func (c *Client) CopyToContainer(ctx context.Context, id, dir string, content io.Reader, copyUIDGID bool) error {
	q := url.Values{"path": {dir}, "noOverwriteDirNonDir": {"true"}}
	if copyUIDGID {
		q.Set("copyUIDGID", "true")
	}
	h := http.Header{"Content-Type": {"application/x-tar"}}
	return c.doJSON(ctx, request{method: http.MethodPut, path: archivePath(id), query: q, body: content, headers: h}, nil)
}

// RestartPolicy is a container's restart policy.
type RestartPolicy struct {
	Name              string
	MaximumRetryCount int
}

// UpdateConfig is the body of POST /containers/{id}/update, in the
// reference's field order; nil pointers are sent as null (unchanged).
type UpdateConfig struct {
	CPUShares            int64 `json:"CpuShares"`
	Memory               int64
	NanoCPUs             int64 `json:"NanoCpus"`
	CgroupParent         string
	BlkioWeight          uint16
	BlkioWeightDevice    []any
	BlkioDeviceReadBps   []any
	BlkioDeviceWriteBps  []any
	BlkioDeviceReadIOps  []any
	BlkioDeviceWriteIOps []any
	CPUPeriod            int64 `json:"CpuPeriod"`
	CPUQuota             int64 `json:"CpuQuota"`
	CPURealtimePeriod    int64 `json:"CpuRealtimePeriod"`
	CPURealtimeRuntime   int64 `json:"CpuRealtimeRuntime"`
	CpusetCpus           string
	CpusetMems           string
	Devices              []any
	DeviceCgroupRules    []string
	DeviceRequests       []any
	MemoryReservation    int64
	MemorySwap           int64
	MemorySwappiness     *int64
	OomKillDisable       *bool
	PidsLimit            *int64
	Ulimits              []any
	CPUCount             int64  `json:"CpuCount"`
	CPUPercent           int64  `json:"CpuPercent"`
	IOMaximumIOps        uint64 `json:"IOMaximumIOps"`
	IOMaximumBandwidth   uint64 `json:"IOMaximumBandwidth"`
	RestartPolicy        RestartPolicy
}

// ContainerUpdate changes a container's resources; it returns the daemon's warnings.
func (c *Client) ContainerUpdate(ctx context.Context, id string, cfg UpdateConfig) ([]string, error) {
	if err := checkContainerID(id); err != nil {
		return nil, err
	}
	var out struct{ Warnings []string }
	err := c.doJSON(ctx, request{method: http.MethodPost, path: "/containers/" + id + "/update", json: cfg}, &out)
	return out.Warnings, err
}

// ContainerStats returns the stats stream of a container: one JSON object
// (stream false) or one per second. OSType is the daemon's (from the header).
func (c *Client) ContainerStats(ctx context.Context, id string, stream bool) (io.ReadCloser, string, error) {
	if err := checkContainerID(id); err != nil {
		return nil, "", err
	}
	q := url.Values{"stream": {"0"}}
	if stream {
		q.Set("stream", "1")
	}
	resp, err := c.do(ctx, request{method: http.MethodGet, path: "/containers/" + id + "/stats", query: q})
	if err != nil {
		return nil, "", err
	}
	return resp.Body, resp.Header.Get("Ostype"), nil
}

// ContainersPrune calls POST /containers/prune.
func (c *Client) ContainersPrune(ctx context.Context, f Filters) (PruneReport, error) {
	q := url.Values{}
	f.encode(q)
	var out struct {
		ContainersDeleted []string
		SpaceReclaimed    uint64
	}
	err := c.doJSON(ctx, request{method: http.MethodPost, path: "/containers/prune", query: q}, &out)
	return PruneReport{Deleted: out.ContainersDeleted, SpaceReclaimed: out.SpaceReclaimed}, err
}
