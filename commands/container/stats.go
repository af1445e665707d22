package container

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/docker/go-units"
	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/format"
)

const defaultStatsFormat = "table {{.ID}}\t{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.MemPerc}}\t{{.NetIO}}\t{{.BlockIO}}\t{{.PIDs}}"

const statsFormatUsage = "Format output using a custom template:\n" +
	"'table':            Print output in table format with column headers (default)\n" +
	"'table TEMPLATE':   Print output in table format using the given Go template\n" +
	"'json':             Print in JSON format\n" +
	"'TEMPLATE':         Print output using the given Go template.\n" +
	"Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates"

type statsOptions struct {
	all      bool
	noStream bool
	noTrunc  bool
	format   string
}

func newStatsCommand(c *cli.CLI) *cobra.Command {
	var o statsOptions
	cmd := &cobra.Command{
		Use:         "stats [OPTIONS] [CONTAINER...]",
		Short:       "Display a live stream of container(s) resource usage statistics",
		Args:        cli.RequiresMinArgs(0),
		Annotations: map[string]string{"aliases": "docker container stats, docker stats"},
		RunE: func(cmd *cobra.Command, args []string) error {
			return runStats(cmd.Context(), c, o, args)
		},
	}
	f := cmd.Flags()
	f.BoolVarP(&o.all, "all", "a", false, "Show all containers (default shows just running)")
	f.BoolVar(&o.noStream, "no-stream", false, "Disable streaming stats and only pull the first result")
	f.BoolVar(&o.noTrunc, "no-trunc", false, "Do not truncate output")
	f.StringVar(&o.format, "format", "", statsFormatUsage)
	return cmd
}

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

// runStats samples the containers named (or the running ones, all with -a)
// once with --no-stream, else every second until interrupted, redrawing
// the screen each time.
func runStats(ctx context.Context, c *cli.CLI, o statsOptions, names []string) error {
	spec := o.format
	if spec == "" {
		if cfg := c.Config(); cfg != nil {
			spec = cfg.StatsFormat
		}
	}
	f, err := format.Parse(spec, defaultStatsFormat)
	if err != nil {
		return fmt.Errorf("template parsing error: %w", err)
	}
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	for {
		targets := names
		if len(names) == 0 {
			list, err := client.ContainerList(ctx, engine.ListOptions{All: o.all})
			if err != nil {
				return err
			}
			targets = make([]string, len(list))
			for i, ctr := range list {
				targets[i] = ctr.ID[:min(12, len(ctr.ID))]
			}
		}
		rows, err := sampleStats(ctx, client, targets, !o.noTrunc)
		if err != nil && (o.noStream || len(names) > 0) {
			return err
		}
		if !o.noStream {
			fmt.Fprint(c.Out, "\033[2J\033[H")
		}
		w := format.NewWriter(c.Out, f, statsHeader)
		for _, r := range rows {
			if err := w.Write(r); err != nil {
				return fmt.Errorf("template parsing error: %w", err)
			}
		}
		if err := w.Flush(); err != nil {
			return fmt.Errorf("template parsing error: %w", err)
		}
		if err := c.Out.Flush(); err != nil || o.noStream {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(500 * time.Millisecond):
		}
	}
}

// sampleStats fetches one sample of every container concurrently; rows
// keep the order of names.
func sampleStats(ctx context.Context, client *engine.Client, names []string, trunc bool) ([]*statsContext, error) {
	rows := make([]*statsContext, len(names))
	errs := make([]error, len(names))
	var wg sync.WaitGroup
	for i, name := range names {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rows[i], errs[i] = sampleOne(ctx, client, name, trunc)
		}()
	}
	wg.Wait()
	return rows, errors.Join(errs...)
}

func sampleOne(ctx context.Context, client *engine.Client, name string, trunc bool) (*statsContext, error) {
	body, osType, err := client.ContainerStats(ctx, name, false)
	if err != nil {
		return nil, err
	}
	defer body.Close()
	var s statsJSON
	if err := json.NewDecoder(body).Decode(&s); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, err // no sample at all (Podman, a container never started): the reference says "EOF"
		}
		return nil, fmt.Errorf("error decoding stats: %w", err)
	}
	return newStatsContext(name, &s, osType, trunc), nil
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
	cpu, mem, memLimit  float64
	memPerc             float64
	netRx, netTx        float64
	blkRead, blkWrite   float64
	pids                uint64
}

func newStatsContext(container string, s *statsJSON, osType string, trunc bool) *statsContext {
	r := &statsContext{container: container, id: s.ID, name: strings.TrimPrefix(s.Name, "/"), windows: osType == "windows"}
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

func (r *statsContext) CPUPerc() string { return fmt.Sprintf("%.2f%%", r.cpu) }

func (r *statsContext) MemUsage() string {
	if r.windows {
		return units.BytesSize(r.mem)
	}
	return units.BytesSize(r.mem) + " / " + units.BytesSize(r.memLimit)
}

func (r *statsContext) MemPerc() string {
	if r.windows {
		return "--"
	}
	return fmt.Sprintf("%.2f%%", r.memPerc)
}

func (r *statsContext) NetIO() string {
	return units.HumanSizeWithPrecision(r.netRx, 3) + " / " + units.HumanSizeWithPrecision(r.netTx, 3)
}

func (r *statsContext) BlockIO() string {
	return units.HumanSizeWithPrecision(r.blkRead, 3) + " / " + units.HumanSizeWithPrecision(r.blkWrite, 3)
}

func (r *statsContext) PIDs() string {
	if r.windows {
		return "--"
	}
	return fmt.Sprintf("%d", r.pids)
}
