package service

import (
	"context"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/docker/go-units"

	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/format"
)

// printPretty writes the --pretty layout of a service: a blank line, the
// service, a blank line.
func printPretty(ctx context.Context, out io.Writer, client *engine.Client, s *engine.Service) {
	var b strings.Builder
	p := func(f string, a ...any) { fmt.Fprintf(&b, f+"\n", a...) }
	spec := &s.Spec
	b.WriteString("\n")
	p("ID:\t\t%s", s.ID)
	p("Name:\t\t%s", spec.Name)
	if len(spec.Labels) > 0 {
		p("Labels:")
		for _, k := range slices.Sorted(maps.Keys(spec.Labels)) {
			p(" %s=%s", k, spec.Labels[k])
		}
	}
	switch m := spec.Mode; {
	case m.Global != nil:
		p("Service Mode:\tGlobal")
	case m.Replicated != nil:
		p("Service Mode:\tReplicated")
		if m.Replicated.Replicas != nil {
			p(" Replicas:\t%d", *m.Replicated.Replicas)
		}
	default:
		p("Service Mode:")
	}
	if u := s.UpdateStatus; u != nil {
		p("UpdateStatus:")
		p(" State:\t\t%s", u.State)
		if u.StartedAt != nil {
			p(" Started:\t%s ago", format.HumanDuration(time.Since(*u.StartedAt)))
		}
		if u.CompletedAt != nil {
			p(" Completed:\t%s ago", format.HumanDuration(time.Since(*u.CompletedAt)))
		}
		p(" Message:\t%s", u.Message)
	}
	task := &spec.TaskTemplate
	p("Placement:")
	if pl := task.Placement; pl != nil {
		if len(pl.Constraints) > 0 {
			p(" Constraints:\t%v", pl.Constraints)
		}
		if len(pl.Preferences) > 0 {
			var prefs []string
			for _, pref := range pl.Preferences {
				if pref.Spread != nil {
					prefs = append(prefs, "spread="+pref.Spread.SpreadDescriptor)
				}
			}
			p(" Preferences:   %v", prefs)
		}
		if pl.MaxReplicas > 0 {
			p(" Max Replicas Per Node:   %d", pl.MaxReplicas)
		}
	}
	writeUpdateConfig(p, "UpdateConfig", "Update order:      ", spec.UpdateConfig)
	writeUpdateConfig(p, "RollbackConfig", "Rollback order:    ", spec.RollbackConfig)
	if cs := task.ContainerSpec; cs != nil {
		writeContainerSpec(&b, p, cs)
	}
	if ld := task.LogDriver; ld != nil {
		p("Log Driver:")
		if ld.Name != "" {
			p(" Name:\t\t%s", ld.Name)
		}
		if len(ld.Options) > 0 {
			p(" LogOpts:")
			for _, k := range slices.Sorted(maps.Keys(ld.Options)) {
				p("  %s:       %s", k, ld.Options[k])
			}
		}
		p("")
	}
	p("Resources:")
	if r := task.Resources; r != nil {
		if res := r.Reservations; res != nil && (res.NanoCPUs > 0 || res.MemoryBytes > 0) {
			writeResources(p, "Reservations", res.NanoCPUs, res.MemoryBytes)
		}
		if l := r.Limits; l != nil && (l.NanoCPUs > 0 || l.MemoryBytes > 0) {
			writeResources(p, "Limits", l.NanoCPUs, l.MemoryBytes)
		}
	}
	networks := task.Networks
	if len(networks) == 0 {
		networks = spec.Networks
	}
	if len(networks) > 0 {
		b.WriteString("Networks:")
		for _, n := range networks {
			b.WriteString(" " + networkName(ctx, client, n.Target))
		}
		b.WriteString(" \n")
	}
	var ports []engine.PortConfig
	mode := ""
	if ep := spec.EndpointSpec; ep != nil {
		mode, ports = ep.Mode, ep.Ports
	}
	b.WriteString("Endpoint Mode:\t" + mode)
	if len(ports) > 0 {
		b.WriteString("\nPorts:")
		for _, port := range ports {
			fmt.Fprintf(&b, "\n PublishedPort = %d\n  Protocol = %s\n  TargetPort = %d\n  PublishMode = %s",
				port.PublishedPort, port.Protocol, port.TargetPort, port.PublishMode)
		}
		b.WriteString(" ")
	}
	if cs := task.ContainerSpec; cs != nil && cs.Healthcheck != nil {
		hc := cs.Healthcheck
		fmt.Fprintf(&b, "\n Healthcheck:\n  Interval = %s\n  Retries = %d\n  StartPeriod =\t%s\n  Timeout =\t%s\n  Tests:",
			hc.Interval, hc.Retries, hc.StartPeriod, hc.Timeout)
		for _, t := range hc.Test {
			b.WriteString("\n\t Test = " + t)
		}
		b.WriteString(" ")
	}
	b.WriteString("\n\n")
	io.WriteString(out, b.String())
}

func writeUpdateConfig(p func(string, ...any), title, orderLabel string, u *engine.ServiceUpdateConfig) {
	if u == nil {
		return
	}
	p("%s:", title)
	p(" Parallelism:\t%d", u.Parallelism)
	if u.Delay > 0 {
		p(" Delay:\t\t%s", u.Delay)
	}
	p(" On failure:\t%s", u.FailureAction)
	if u.Monitor > 0 {
		p(" Monitoring Period: %s", u.Monitor)
	}
	p(" Max failure ratio: %g", u.MaxFailureRatio)
	p(" %s%s", orderLabel, u.Order)
}

func writeContainerSpec(b *strings.Builder, p func(string, ...any), cs *engine.ContainerSpec) {
	p("ContainerSpec:")
	p(" Image:\t\t%s", cs.Image)
	if len(cs.Args) > 0 {
		p(" Args:\t\t%s ", strings.Join(cs.Args, " "))
	}
	if len(cs.Env) > 0 {
		p(" Env:\t\t%s ", strings.Join(cs.Env, " "))
	}
	if cs.Dir != "" {
		p(" Dir:\t\t%s", cs.Dir)
	}
	if cs.Init != nil {
		p(" Init:\t\t%t", *cs.Init)
	}
	if cs.User != "" {
		p(" User: %s", cs.User)
	}
	if len(cs.CapabilityAdd) > 0 || len(cs.CapabilityDrop) > 0 {
		p("Capabilities:")
		if len(cs.CapabilityAdd) > 0 {
			p(" Add: %s", strings.Join(cs.CapabilityAdd, ", "))
		}
		if len(cs.CapabilityDrop) > 0 {
			p(" Drop: %s", strings.Join(cs.CapabilityDrop, ", "))
		}
	}
	if len(cs.Sysctls) > 0 {
		p("SysCtls:")
		for _, k := range slices.Sorted(maps.Keys(cs.Sysctls)) {
			p(" %s: %s", k, cs.Sysctls[k])
		}
	}
	if len(cs.Ulimits) > 0 {
		p("Ulimits:")
		for _, u := range cs.Ulimits {
			p(" %s: %d:%d", u.Name, u.Soft, u.Hard)
		}
	}
	if len(cs.Mounts) > 0 {
		p("Mounts:")
		for _, m := range cs.Mounts {
			p(" Target:\t%s\n  Source:\t%s\n  ReadOnly:\t%t\n  Type:\t\t%s", m.Target, m.Source, m.ReadOnly, m.Type)
		}
	}
	if len(cs.Configs) > 0 {
		p("Configs:")
		for _, cf := range cs.Configs {
			p(" Target:\t%s\n  Source:\t%s", fileTarget(cf.File), cf.ConfigName)
		}
	}
	if len(cs.Secrets) > 0 {
		p("Secrets:")
		for _, s := range cs.Secrets {
			p(" Target:\t%s\n  Source:\t%s", fileTarget(s.File), s.SecretName)
		}
	}
}

func fileTarget(f *engine.FileTarget) string {
	if f == nil {
		return ""
	}
	return f.Name
}

func writeResources(p func(string, ...any), title string, nanoCPUs, memory int64) {
	p(" %s:", title)
	if nanoCPUs > 0 {
		p("  CPU:\t\t%s", strconv.FormatFloat(float64(nanoCPUs)/1e9, 'f', -1, 64))
	}
	if memory > 0 {
		p("  Memory:\t%s", units.BytesSize(float64(memory)))
	}
}

// networkName names a network by its ID, or keeps the ID.
func networkName(ctx context.Context, client *engine.Client, id string) string {
	if n, err := client.SwarmNetwork(ctx, id); err == nil && n.Name != "" {
		return n.Name
	}
	return id
}
