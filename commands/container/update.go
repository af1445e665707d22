package container

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/opts"
)

type updateOptions struct {
	blkioWeight        uint16
	cpuPeriod          int64
	cpuQuota           int64
	cpuRealtimePeriod  int64
	cpuRealtimeRuntime int64
	cpusetCpus         string
	cpusetMems         string
	cpuShares          int64
	memory             opts.MemBytes
	memoryReservation  opts.MemBytes
	memorySwap         opts.MemSwapBytes
	kernelMemory       opts.MemBytes
	restartPolicy      string
	pidsLimit          int64
	cpus               opts.NanoCPUs

	pidsLimitSet bool
	nFlag        int
}

func newUpdateCommand(c *cli.CLI) *cobra.Command {
	var o updateOptions
	cmd := newCommand("update [OPTIONS] CONTAINER [CONTAINER...]", "Update configuration of one or more containers", cli.RequiresMinArgs(1),
		func(cmd *cobra.Command, args []string) error {
			o.nFlag = cmd.Flags().NFlag()
			o.pidsLimitSet = cmd.Flags().Changed("pids-limit")
			return runUpdate(cmd.Context(), c, o, args)
		})
	f := cmd.Flags()
	f.Uint16Var(&o.blkioWeight, "blkio-weight", 0, "Block IO (relative weight), between 10 and 1000, or 0 to disable (default 0)")
	f.Int64Var(&o.cpuPeriod, "cpu-period", 0, "Limit CPU CFS (Completely Fair Scheduler) period")
	f.Int64Var(&o.cpuQuota, "cpu-quota", 0, "Limit CPU CFS (Completely Fair Scheduler) quota")
	f.Int64Var(&o.cpuRealtimePeriod, "cpu-rt-period", 0, "Limit the CPU real-time period in microseconds")
	f.Int64Var(&o.cpuRealtimeRuntime, "cpu-rt-runtime", 0, "Limit the CPU real-time runtime in microseconds")
	f.StringVar(&o.cpusetCpus, "cpuset-cpus", "", "CPUs in which to allow execution (0-3, 0,1)")
	f.StringVar(&o.cpusetMems, "cpuset-mems", "", "MEMs in which to allow execution (0-3, 0,1)")
	f.Int64VarP(&o.cpuShares, "cpu-shares", "c", 0, "CPU shares (relative weight)")
	f.VarP(&o.memory, "memory", "m", "Memory limit")
	f.Var(&o.memoryReservation, "memory-reservation", "Memory soft limit")
	f.Var(&o.memorySwap, "memory-swap", "Swap limit equal to memory plus swap: -1 to enable unlimited swap")
	f.Var(&o.kernelMemory, "kernel-memory", "Kernel memory limit (deprecated)")
	_ = f.MarkHidden("kernel-memory")
	f.StringVar(&o.restartPolicy, "restart", "", "Restart policy to apply when a container exits")
	f.Int64Var(&o.pidsLimit, "pids-limit", 0, "Tune container pids limit (set -1 for unlimited)")
	f.Var(&o.cpus, "cpus", "Number of CPUs")
	cli.MinAPI(f, "1.25", "cpu-rt-period", "cpu-rt-runtime")
	cli.MinAPI(f, "1.29", "cpus")
	cli.MinAPI(f, "1.40", "pids-limit")
	return cmd
}

// runUpdate sends the same update to every container in turn, printing the
// daemon's warnings and each name updated; failures are reported together.
func runUpdate(ctx context.Context, c *cli.CLI, o updateOptions, names []string) error {
	if o.nFlag == 0 {
		return errors.New("you must provide one or more flags when using this command")
	}
	cfg := engine.UpdateConfig{Resources: engine.Resources{
		CPUShares:          o.cpuShares,
		Memory:             o.memory.Value(),
		NanoCPUs:           o.cpus.Value(),
		BlkioWeight:        o.blkioWeight,
		CPUPeriod:          o.cpuPeriod,
		CPUQuota:           o.cpuQuota,
		CPURealtimePeriod:  o.cpuRealtimePeriod,
		CPURealtimeRuntime: o.cpuRealtimeRuntime,
		CpusetCpus:         o.cpusetCpus,
		CpusetMems:         o.cpusetMems,
		MemoryReservation:  o.memoryReservation.Value(),
		MemorySwap:         o.memorySwap.Value(),
	}}
	if o.pidsLimitSet {
		cfg.PidsLimit = &o.pidsLimit
	}
	if o.restartPolicy != "" {
		p, err := opts.ParseRestartPolicy(o.restartPolicy)
		if err != nil {
			return err
		}
		cfg.RestartPolicy = p
	}
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	var errs []string
	for _, name := range names {
		warnings, err := client.ContainerUpdate(ctx, name, cfg)
		if err != nil {
			errs = append(errs, err.Error())
			continue
		}
		for _, w := range warnings {
			fmt.Fprintln(c.Err, w)
		}
		fmt.Fprintln(c.Out, name)
	}
	if len(errs) > 0 {
		return errors.New(strings.Join(errs, "\n"))
	}
	return nil
}
