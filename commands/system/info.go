package system

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sort"
	"strings"

	"github.com/docker/go-units"
	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/cliplugins"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/format"
	"github.com/dockerclone/docker/commands/system/manager"
)

type infoOptions struct{ format string }

func newInfoCommand(c *cli.CLI) *cobra.Command {
	var o infoOptions
	cmd := cli.Command("info [OPTIONS]", "Display system-wide information", cli.NoArgs,
		func(cmd *cobra.Command, _ []string) error { return runInfo(cmd.Context(), c, o) },
		"docker system info", "docker info")
	cmd.Annotations["category-top"] = "12"
	cmd.Flags().StringVarP(&o.format, "format", "f", "", format.InspectUsage)
	return cmd
}

// dockerInfo is the template's root: the server's Info (zero when the
// daemon could not be asked) and the client's part. Its name is the one the
// reference's template errors show.
type dockerInfo struct {
	*Info
	ServerErrors []string    `json:",omitempty"`
	UserName     string      `json:"-"`
	ClientInfo   *clientInfo `json:",omitempty"`
	ClientErrors []string    `json:",omitempty"`
}

// clientInfo is the client section, CLI plugins included (valid or not).
type clientInfo struct {
	Debug             bool
	Version           string
	APIVersion        string `json:"ApiVersion,omitempty"`
	DefaultAPIVersion string `json:",omitempty"`
	GitCommit         string
	GoVersion         string
	Os                string
	Arch              string
	BuildTime         string `json:",omitempty"`
	Context           string
	Plugins           []manager.Plugin
	Warnings          []string
}

func runInfo(ctx context.Context, c *cli.CLI, o infoOptions) error {
	info := dockerInfo{
		Info: &Info{},
		ClientInfo: &clientInfo{
			Debug:             c.Opts.Debug,
			Version:           cli.Version,
			DefaultAPIVersion: engine.DefaultVersion,
			GitCommit:         cli.GitCommit,
			GoVersion:         runtime.Version(),
			Os:                runtime.GOOS,
			Arch:              runtime.GOARCH,
			BuildTime:         reformatTime(cli.BuildTime),
			Context:           c.CurrentContext(),
			Plugins:           manager.Plugins(cliplugins.List(c.PluginDirs())),
		},
	}
	var serverErr error
	if needsServerInfo(o.format, info) {
		serverErr = addServerInfo(ctx, c, &info)
	}
	if o.format == "" {
		if cfg := c.Config(); cfg != nil {
			if a, ok := cfg.AuthConfigs["https://index.docker.io/v1/"]; ok {
				info.UserName = a.Username
			}
		}
		printInfo(c, info, serverErr == nil)
		return serverErr
	}
	err := formatInfo(c.Out, info, o.format)
	var se *cli.StatusError
	switch {
	case serverErr == nil:
		return err
	case err == nil:
		return serverErr
	case errors.As(err, &se):
		return cli.Errorf(se.Code, "%v\n%s", serverErr, se.Msg)
	default:
		return fmt.Errorf("%w\n%w", serverErr, err)
	}
}

// needsServerInfo: the default output and json need the daemon; a template
// does unless it runs on the client's part alone.
func needsServerInfo(spec string, info dockerInfo) bool {
	switch spec {
	case "", "json", "{{json .}}":
		return true
	}
	tmpl, err := format.ParseTemplate("", spec)
	if err != nil {
		return true // reported later, after the daemon was asked
	}
	sparse := struct {
		ClientInfo   *clientInfo `json:",omitempty"`
		ClientErrors []string    `json:",omitempty"`
	}{info.ClientInfo, info.ClientErrors}
	return tmpl.Execute(io.Discard, sparse) != nil
}

func addServerInfo(ctx context.Context, c *cli.CLI, info *dockerInfo) error {
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	raw, err := client.Info(ctx)
	if err != nil {
		return err
	}
	b, err := json.Marshal(raw)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, info.Info)
}

// formatInfo runs a template; a parse error exits 64, and the newline ends
// the output even when execution fails.
func formatInfo(out io.Writer, info dockerInfo, spec string) error {
	if spec == "json" {
		spec = "{{json .}}"
	}
	tmpl, err := format.ParseTemplate("", spec)
	if err != nil {
		return cli.Errorf(64, "template parsing error: %v", err)
	}
	err = tmpl.Execute(out, info)
	fmt.Fprintln(out)
	return err
}

// printInfo writes the default layout: the client section, then the
// server's (its header alone when the daemon could not be asked), then the
// daemon's warnings on stderr.
func printInfo(c *cli.CLI, info dockerInfo, server bool) {
	out := c.Out
	fmt.Fprintln(out, "Client:")
	fmt.Fprintln(out, " Version:    "+info.ClientInfo.Version)
	fmt.Fprintln(out, " Context:    "+info.ClientInfo.Context)
	fmt.Fprintf(out, " Debug Mode: %v\n", info.ClientInfo.Debug)
	printClientPlugins(c, info.ClientInfo.Plugins)
	fmt.Fprintln(out)
	fmt.Fprintln(out, "Server:")
	if !server {
		return
	}
	printServerInfo(out, info, info.ClientInfo.Debug)
	_ = c.Out.Flush()
	if len(info.Warnings) > 0 {
		fmt.Fprintln(c.Err, strings.Join(info.Warnings, "\n"))
	}
}

// printClientPlugins lists the valid plugins, then warns on stderr about
// the others.
func printClientPlugins(c *cli.CLI, plugins []manager.Plugin) {
	if len(plugins) == 0 {
		return
	}
	fmt.Fprintln(c.Out, " Plugins:")
	for _, p := range plugins {
		if p.Err != "" {
			continue
		}
		fmt.Fprintf(c.Out, "  %s: %s (%s)\n", p.Name, p.ShortDescription, p.Vendor)
		if p.Version != "" {
			fmt.Fprintln(c.Out, "    Version:  "+p.Version)
		}
		fmt.Fprintln(c.Out, "    Path:     "+p.Path)
	}
	_ = c.Out.Flush()
	for _, p := range plugins {
		if p.Err != "" {
			fmt.Fprintf(c.Err, "WARNING: Plugin %q is not valid: %s\n", p.Path, p.Err)
		}
	}
}

func printServerInfo(out io.Writer, d dockerInfo, clientDebug bool) {
	i := d.Info
	p := func(a ...any) { fmt.Fprintln(out, a...) }
	nonEmpty := func(label, v string) {
		if v != "" {
			p(label, v)
		}
	}
	p(" Containers:", i.Containers)
	p("  Running:", i.ContainersRunning)
	p("  Paused:", i.ContainersPaused)
	p("  Stopped:", i.ContainersStopped)
	p(" Images:", i.Images)
	nonEmpty(" Server Version:", i.ServerVersion)
	if i.Driver != "" {
		p(" Storage Driver:", i.Driver)
		for _, kv := range i.DriverStatus {
			fmt.Fprintf(out, "  %s: %s\n", kv[0], kv[1])
		}
	}
	for _, kv := range i.SystemStatus {
		fmt.Fprintf(out, " %s: %s\n", kv[0], kv[1])
	}
	p(" Logging Driver:", i.LoggingDriver)
	p(" Cgroup Driver:", i.CgroupDriver)
	nonEmpty(" Cgroup Version:", i.CgroupVersion)
	p(" Plugins:")
	p("  Volume:", strings.Join(i.Plugins.Volume, " "))
	p("  Network:", strings.Join(i.Plugins.Network, " "))
	if len(i.Plugins.Authorization) > 0 {
		p("  Authorization:", strings.Join(i.Plugins.Authorization, " "))
	}
	p("  Log:", strings.Join(i.Plugins.Log, " "))
	if len(i.CDISpecDirs) > 0 {
		p(" CDI spec directories:")
		for _, dir := range i.CDISpecDirs {
			p("  " + dir)
		}
	}
	p(" Swarm:", i.Swarm.LocalNodeState)
	printSwarm(out, i.Swarm)
	if len(i.Runtimes) > 0 {
		// The reference follows a map; sorted is as right and stable.
		names := make([]string, 0, len(i.Runtimes))
		for n := range i.Runtimes {
			names = append(names, n)
		}
		sort.Strings(names)
		p(" Runtimes:", strings.Join(names, " "))
		p(" Default Runtime:", i.DefaultRuntime)
	}
	if i.OSType == "linux" {
		p(" Init Binary:", i.InitBinary)
		for _, ci := range []struct {
			name string
			id   string
		}{{"containerd", i.ContainerdCommit.ID}, {"runc", i.RuncCommit.ID}, {"init", i.InitCommit.ID}} {
			fmt.Fprintf(out, " %s version: %s\n", ci.name, ci.id)
		}
		if len(i.SecurityOptions) > 0 {
			p(" Security Options:")
			for _, so := range i.SecurityOptions {
				name, profile := securityOption(so)
				p("  " + name)
				if profile != "" {
					p("   Profile:", profile)
				}
			}
		}
	}
	if i.OSType == "windows" {
		p(" Default Isolation:", i.Isolation)
	}
	nonEmpty(" Kernel Version:", i.KernelVersion)
	nonEmpty(" Operating System:", i.OperatingSystem)
	nonEmpty(" OSType:", i.OSType)
	nonEmpty(" Architecture:", i.Architecture)
	p(" CPUs:", i.NCPU)
	p(" Total Memory:", units.BytesSize(float64(i.MemTotal)))
	nonEmpty(" Name:", i.Name)
	nonEmpty(" ID:", i.ID)
	p(" Docker Root Dir:", i.DockerRootDir)
	p(" Debug Mode:", i.Debug)
	if i.Debug || clientDebug {
		p("  File Descriptors:", i.NFd)
		p("  Goroutines:", i.NGoroutines)
		p("  System Time:", i.SystemTime)
		p("  EventsListeners:", i.NEventsListener)
	}
	nonEmpty(" HTTP Proxy:", i.HTTPProxy)
	nonEmpty(" HTTPS Proxy:", i.HTTPSProxy)
	nonEmpty(" No Proxy:", i.NoProxy)
	nonEmpty(" Username:", d.UserName)
	if len(i.Labels) > 0 {
		p(" Labels:")
		for _, l := range i.Labels {
			p("  " + l)
		}
	}
	p(" Experimental:", i.ExperimentalBuild)
	if r := i.RegistryConfig; r != nil && (len(r.InsecureRegistryCIDRs) > 0 || len(r.IndexConfigs) > 0) {
		p(" Insecure Registries:")
		names := make([]string, 0, len(r.IndexConfigs))
		for n, idx := range r.IndexConfigs {
			if idx != nil && !idx.Secure {
				names = append(names, n)
			}
		}
		sort.Strings(names)
		for _, n := range names {
			p("  " + r.IndexConfigs[n].Name)
		}
		for _, cidr := range r.InsecureRegistryCIDRs {
			p("  " + cidr)
		}
	}
	if r := i.RegistryConfig; r != nil && len(r.Mirrors) > 0 {
		p(" Registry Mirrors:")
		for _, m := range r.Mirrors {
			p("  " + m)
		}
	}
	p(" Live Restore Enabled:", i.LiveRestoreEnabled)
	nonEmpty(" Product License:", i.ProductLicense)
	if len(i.DefaultAddressPools) > 0 {
		p(" Default Address Pools:")
		for _, pool := range i.DefaultAddressPools {
			fmt.Fprintf(out, "   Base: %s, Size: %d\n", pool.Base, pool.Size)
		}
	}
	p()
}

// printSwarm adds the node's details when it takes part in a swarm, and
// the cluster's settings when it manages it.
func printSwarm(out io.Writer, s SwarmInfo) {
	if s.LocalNodeState == "inactive" || s.LocalNodeState == "locked" || s.LocalNodeState == "" {
		return
	}
	p := func(f string, a ...any) { fmt.Fprintf(out, f+"\n", a...) }
	p("  NodeID: %s", s.NodeID)
	if s.Error != "" {
		p("  Error: %s", s.Error)
	}
	p("  Is Manager: %v", s.ControlAvailable)
	if cl := s.Cluster; cl != nil && s.ControlAvailable && s.Error == "" && s.LocalNodeState != "error" {
		printCluster(p, s, cl)
	}
	p("  Node Address: %s", s.NodeAddr)
	if len(s.RemoteManagers) > 0 {
		addrs := make([]string, len(s.RemoteManagers))
		for i, m := range s.RemoteManagers {
			addrs[i] = m.Addr
		}
		sort.Strings(addrs)
		p("  Manager Addresses:")
		for _, a := range addrs {
			p("   %s", a)
		}
	}
}

func printCluster(p func(string, ...any), s SwarmInfo, cl *engine.ClusterInfo) {
	spec := cl.Spec
	p("  ClusterID: %s", cl.ID)
	p("  Managers: %d", s.Managers)
	p("  Nodes: %d", s.Nodes)
	if len(cl.DefaultAddrPool) > 0 {
		var pools strings.Builder
		for _, pool := range cl.DefaultAddrPool {
			pools.WriteString(pool + "  ")
		}
		p("  Default Address Pool: %s", pools.String())
		p("  SubnetSize: %d", cl.SubnetSize)
	}
	p("  Data Path Port: %d", cl.DataPathPort)
	p("  Orchestration:")
	var taskHistory int64
	if spec.Orchestration.TaskHistoryRetentionLimit != nil {
		taskHistory = *spec.Orchestration.TaskHistoryRetentionLimit
	}
	p("   Task History Retention Limit: %d", taskHistory)
	p("  Raft:")
	p("   Snapshot Interval: %d", spec.Raft.SnapshotInterval)
	if spec.Raft.KeepOldSnapshots != nil {
		p("   Number of Old Snapshots to Retain: %d", *spec.Raft.KeepOldSnapshots)
	}
	p("   Heartbeat Tick: %d", spec.Raft.HeartbeatTick)
	p("   Election Tick: %d", spec.Raft.ElectionTick)
	p("  Dispatcher:")
	p("   Heartbeat Period: %s", units.HumanDuration(spec.Dispatcher.HeartbeatPeriod))
	p("  CA Configuration:")
	p("   Expiry Duration: %s", units.HumanDuration(spec.CAConfig.NodeCertExpiry))
	p("   Force Rotate: %d", spec.CAConfig.ForceRotate)
	if cas := spec.CAConfig.ExternalCAs; len(cas) > 0 {
		p("   External CAs:")
		for _, ca := range cas {
			p("     %s: %s", ca.Protocol, ca.URL)
		}
	}
	p("  Autolock Managers: %v", spec.EncryptionConfig.AutoLockManagers)
	p("  Root Rotation In Progress: %v", cl.RootRotationInProgress)
}

// securityOption reads "name=seccomp,profile=default" (or a bare legacy
// name) into the name and the profile, if any.
func securityOption(s string) (name, profile string) {
	if !strings.Contains(s, "=") {
		return s, ""
	}
	for _, kv := range strings.Split(s, ",") {
		k, v, _ := strings.Cut(kv, "=")
		switch k {
		case "name":
			name = v
		case "profile":
			profile = v
		}
	}
	return name, profile
}
