package service

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/format"
)

const defaultFormat = "table {{.ID}}\t{{.Name}}\t{{.Mode}}\t{{.Replicas}}\t{{.Image}}\t{{.Ports}}"

var header = format.Header{
	"ID":       "ID",
	"Name":     "NAME",
	"Mode":     "MODE",
	"Replicas": "REPLICAS",
	"Image":    "IMAGE",
	"Ports":    "PORTS",
}

// Lister lists services as service ls (and stack services) do.
var Lister = cli.Lister[engine.Service]{
	Configured: func(c *cli.CLI) string { return c.Config().ServicesFormat },
	Table:      defaultFormat,
	Header:     header,
	// The task counts (API 1.41) are only needed for the replicas.
	List: func(ctx context.Context, client *engine.Client, f engine.Filters, quiet bool) ([]engine.Service, error) {
		return client.ServiceList(ctx, engine.ServiceListOptions{Filters: f, Status: !quiet})
	},
	Name: func(s *engine.Service) string { return s.Spec.Name },
	Row:  func(s *engine.Service) any { return &serviceContext{s: s} },
}

// serviceContext is a row of service ls.
type serviceContext struct{ s *engine.Service }

func (r *serviceContext) MarshalJSON() ([]byte, error) { return format.MarshalRow(r) }

func (r *serviceContext) ID() string   { return format.TruncateID(r.s.ID) }
func (r *serviceContext) Name() string { return r.s.Spec.Name }

func (r *serviceContext) Mode() string {
	switch m := r.s.Spec.Mode; {
	case m.Global != nil:
		return "global"
	case m.ReplicatedJob != nil:
		return "replicated job"
	case m.GlobalJob != nil:
		return "global job"
	case m.Replicated != nil:
		return "replicated"
	}
	return ""
}

func (r *serviceContext) Replicas() string {
	st := r.s.ServiceStatus
	if st == nil {
		return ""
	}
	switch m := r.s.Spec.Mode; {
	case m.ReplicatedJob != nil:
		var total uint64
		if m.ReplicatedJob.TotalCompletions != nil {
			total = *m.ReplicatedJob.TotalCompletions
		}
		return fmt.Sprintf("%d/%d (%d/%d completed)", st.RunningTasks, st.DesiredTasks, st.CompletedTasks, total)
	case m.GlobalJob != nil:
		return fmt.Sprintf("%d/%d (%d/%d completed)", st.RunningTasks, st.DesiredTasks, st.CompletedTasks, st.CompletedTasks+st.DesiredTasks)
	}
	replicas := fmt.Sprintf("%d/%d", st.RunningTasks, st.DesiredTasks)
	if p := r.s.Spec.TaskTemplate.Placement; p != nil && p.MaxReplicas > 0 {
		replicas += fmt.Sprintf(" (max %d per node)", p.MaxReplicas)
	}
	return replicas
}

func (r *serviceContext) Image() string {
	if cs := r.s.Spec.TaskTemplate.ContainerSpec; cs != nil {
		image, _, _ := strings.Cut(cs.Image, "@")
		return image
	}
	return ""
}

// Ports shows the ports published through the routing mesh, runs of
// consecutive ports as ranges: "*:8080-8081->80-81/tcp".
func (r *serviceContext) Ports() string {
	var ports []engine.PortConfig
	for _, p := range r.s.Endpoint.Ports {
		if p.PublishMode == "ingress" {
			ports = append(ports, p)
		}
	}
	slices.SortFunc(ports, func(a, b engine.PortConfig) int {
		return cmp.Or(strings.Compare(a.Protocol, b.Protocol), cmp.Compare(a.PublishedPort, b.PublishedPort))
	})
	var out []string
	for i := 0; i < len(ports); {
		first, last := ports[i], ports[i]
		for i++; i < len(ports) && ports[i].Protocol == first.Protocol &&
			ports[i].PublishedPort == last.PublishedPort+1 && ports[i].TargetPort == last.TargetPort+1; i++ {
			last = ports[i]
		}
		if first == last {
			out = append(out, fmt.Sprintf("*:%d->%d/%s", first.PublishedPort, first.TargetPort, first.Protocol))
		} else {
			out = append(out, fmt.Sprintf("*:%d-%d->%d-%d/%s", first.PublishedPort, last.PublishedPort, first.TargetPort, last.TargetPort, first.Protocol))
		}
	}
	return strings.Join(out, ", ")
}
