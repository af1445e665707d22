package service

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/format"
	"github.com/dockerclone/docker/cli/opts"
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

type listOptions struct {
	quiet   bool
	format  string
	filters *opts.Filter
}

func newListCommand(c *cli.CLI) *cobra.Command {
	o := listOptions{filters: opts.NewFilter()}
	cmd := &cobra.Command{
		Use:     "ls [OPTIONS]",
		Aliases: []string{"list"},
		Short:   "List services",
		Args:    cli.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runList(cmd.Context(), c, o)
		},
	}
	f := cmd.Flags()
	f.BoolVarP(&o.quiet, "quiet", "q", false, "Only display IDs")
	f.StringVar(&o.format, "format", "", format.ListUsage)
	f.VarP(o.filters, "filter", "f", "Filter output based on conditions provided")
	return cmd
}

func runList(ctx context.Context, c *cli.CLI, o listOptions) error {
	configured := ""
	if o.format == "" && !o.quiet {
		configured = c.Config().ServicesFormat
	}
	f, err := format.Parse(format.ListSpec(o.format, configured, o.quiet, defaultFormat, "{{.ID}}"), defaultFormat)
	if err != nil {
		return fmt.Errorf("template parsing error: %w", err)
	}
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	// The task counts (API 1.41) are only needed for the replicas.
	services, err := client.ServiceList(ctx, engine.ServiceListOptions{Filters: o.filters.Value(), Status: !o.quiet})
	if err != nil {
		return err
	}
	slices.SortStableFunc(services, func(a, b engine.Service) int { return format.NaturalCompare(a.Spec.Name, b.Spec.Name) })
	return format.WriteRows(format.NewWriter(c.Out, f, header), services, func(s *engine.Service) any {
		return &serviceContext{s: s}
	})
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
