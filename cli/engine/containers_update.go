package engine

import (
	"context"
	"net/http"
	"net/url"
)

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
	if err := checkContainerID(&id); err != nil {
		return nil, err
	}
	var out struct{ Warnings []string }
	err := c.doJSON(ctx, request{method: http.MethodPost, path: "/containers/" + id + "/update", json: cfg}, &out)
	return out.Warnings, err
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
