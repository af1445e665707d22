package container

import (
	"fmt"
	"strings"
	"time"

	"github.com/docker/go-units"

	"github.com/dockerclone/docker/cli/format"
)

var statsHeader = format.Header{
	"Container": "CONTAINER",
	"ID":        "CONTAINER ID",
	"Name":      "NAME",
	"CPUPerc":   "CPU %",
	"MemUsage":  "MEM USAGE / LIMIT",
	"MemPerc":   "MEM %",
	"NetIO":     "NET I/O",
	"BlockIO":   "BLOCK I/O",
	"PIDs":      "PIDS",
}

// statsJSON is the part of GET /containers/{id}/stats the columns need.
type statsJSON struct {
	Name      string `json:"name"`
	ID        string `json:"id"`
	PidsStats struct {
		Current uint64 `json:"current"`
	} `json:"pids_stats"`
	BlkioStats struct {
		IOServiceBytesRecursive []struct {
			Op    string `json:"op"`
			Value uint64 `json:"value"`
		} `json:"io_service_bytes_recursive"`
	} `json:"blkio_stats"`
	NumProcs    uint32   `json:"num_procs"`
	CPUStats    cpuStats `json:"cpu_stats"`
	PreCPUStats cpuStats `json:"precpu_stats"`
	MemoryStats struct {
		Usage             uint64            `json:"usage"`
		Stats             map[string]uint64 `json:"stats"`
		Limit             uint64            `json:"limit"`
		PrivateWorkingSet uint64            `json:"privateworkingset"`
	} `json:"memory_stats"`
	Networks map[string]struct {
		RxBytes uint64 `json:"rx_bytes"`
		TxBytes uint64 `json:"tx_bytes"`
	} `json:"networks"`
	StorageStats struct {
		ReadSizeBytes  uint64 `json:"read_size_bytes"`
		WriteSizeBytes uint64 `json:"write_size_bytes"`
	} `json:"storage_stats"`
	Read    time.Time `json:"read"`
	PreRead time.Time `json:"preread"`
}

type cpuStats struct {
	CPUUsage struct {
		TotalUsage  uint64   `json:"total_usage"`
		PercpuUsage []uint64 `json:"percpu_usage"`
	} `json:"cpu_usage"`
	SystemUsage uint64 `json:"system_cpu_usage"`
	OnlineCPUs  uint32 `json:"online_cpus"`
}

// statsContext is one row of `docker stats`; its methods are the template
// fields (named like the reference's, which shows in template errors).
type statsContext struct {
	container, id, name string
	windows             bool
	invalid             bool // the stream failed: numbers show as "--"
	cpu, mem, memLimit  float64
	memPerc             float64
	netRx, netTx        float64
	blkRead, blkWrite   float64
	pids                uint64
}

func newStatsContext(container string, s *statsJSON, osType string, trunc bool) *statsContext {
	// As the reference: the name's first character (Docker's "/") is
	// dropped whatever it is; Podman sends none, and loses a letter.
	name := s.Name
	if name != "" {
		name = name[1:]
	}
	r := &statsContext{container: container, id: s.ID, name: name, windows: osType == "windows"}
	if trunc && len(r.id) > 12 {
		r.id = r.id[:12]
	}
	if r.windows {
		r.cpu = windowsCPUPercent(s)
		r.mem = float64(s.MemoryStats.PrivateWorkingSet)
		r.blkRead, r.blkWrite = float64(s.StorageStats.ReadSizeBytes), float64(s.StorageStats.WriteSizeBytes)
	} else {
		r.cpu = unixCPUPercent(s)
		r.mem = memNoCache(s)
		r.memLimit = float64(s.MemoryStats.Limit)
		if r.memLimit != 0 {
			r.memPerc = r.mem / r.memLimit * 100
		}
		for _, e := range s.BlkioStats.IOServiceBytesRecursive {
			switch strings.ToLower(e.Op) {
			case "read":
				r.blkRead += float64(e.Value)
			case "write":
				r.blkWrite += float64(e.Value)
			}
		}
		r.pids = s.PidsStats.Current
	}
	for _, n := range s.Networks {
		r.netRx += float64(n.RxBytes)
		r.netTx += float64(n.TxBytes)
	}
	return r
}

// unixCPUPercent is the container's share of the host's CPU time between
// the two samples, scaled to the number of CPUs.
func unixCPUPercent(s *statsJSON) float64 {
	cpuDelta := float64(s.CPUStats.CPUUsage.TotalUsage) - float64(s.PreCPUStats.CPUUsage.TotalUsage)
	sysDelta := float64(s.CPUStats.SystemUsage) - float64(s.PreCPUStats.SystemUsage)
	cpus := float64(s.CPUStats.OnlineCPUs)
	if cpus == 0 {
		cpus = float64(len(s.CPUStats.CPUUsage.PercpuUsage))
	}
	if sysDelta > 0 && cpuDelta > 0 {
		return cpuDelta / sysDelta * cpus * 100
	}
	return 0
}

func windowsCPUPercent(s *statsJSON) float64 {
	// 100ns intervals between the reads, across all processors.
	possible := uint64(s.Read.Sub(s.PreRead).Nanoseconds()) / 100 * uint64(s.NumProcs)
	used := s.CPUStats.CPUUsage.TotalUsage - s.PreCPUStats.CPUUsage.TotalUsage
	if possible > 0 {
		return float64(used) / float64(possible) * 100
	}
	return 0
}

// memNoCache leaves the page cache out of the usage (cgroup v1, then v2 keys).
func memNoCache(s *statsJSON) float64 {
	m := s.MemoryStats
	if v, ok := m.Stats["total_inactive_file"]; ok && v < m.Usage {
		return float64(m.Usage - v)
	}
	if v := m.Stats["inactive_file"]; v < m.Usage {
		return float64(m.Usage - v)
	}
	return float64(m.Usage)
}

func (r *statsContext) MarshalJSON() ([]byte, error) { return format.MarshalRow(r) }

func (r *statsContext) Container() string { return r.container }
func (r *statsContext) ID() string        { return r.id }

func (r *statsContext) Name() string {
	if r.name == "" {
		return "--"
	}
	return r.name
}

func (r *statsContext) CPUPerc() string {
	if r.invalid {
		return "--"
	}
	return fmt.Sprintf("%.2f%%", r.cpu)
}

func (r *statsContext) MemUsage() string {
	if r.invalid {
		return "-- / --"
	}
	if r.windows {
		return units.BytesSize(r.mem)
	}
	return units.BytesSize(r.mem) + " / " + units.BytesSize(r.memLimit)
}

func (r *statsContext) MemPerc() string {
	if r.windows || r.invalid {
		return "--"
	}
	return fmt.Sprintf("%.2f%%", r.memPerc)
}

func (r *statsContext) NetIO() string {
	if r.invalid {
		return "--"
	}
	return units.HumanSizeWithPrecision(r.netRx, 3) + " / " + units.HumanSizeWithPrecision(r.netTx, 3)
}

func (r *statsContext) BlockIO() string {
	if r.invalid {
		return "--"
	}
	return units.HumanSizeWithPrecision(r.blkRead, 3) + " / " + units.HumanSizeWithPrecision(r.blkWrite, 3)
}

func (r *statsContext) PIDs() string {
	if r.windows || r.invalid {
		return "--"
	}
	return fmt.Sprintf("%d", r.pids)
}
