// Package task prints swarm tasks the way `docker node ps`, `service ps` and
// `stack ps` do. It is its own package because the reference's row type is
// task.taskContext, and that name shows in template errors.
package task

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/format"
	"github.com/dockerclone/docker/cli/opts"
)

// Default layouts of the task lists.
const (
	DefaultFormat = "table {{.ID}}\t{{.Name}}\t{{.Image}}\t{{.Node}}\t{{.DesiredState}}\t{{.CurrentState}}\t{{.Error}}\t{{.Ports}}"
	QuietFormat   = "{{.ID}}"
)

// Header titles the columns.
var header = format.Header{
	"ID":           "ID",
	"Name":         "NAME",
	"Image":        "IMAGE",
	"Node":         "NODE",
	"DesiredState": "DESIRED STATE",
	"CurrentState": "CURRENT STATE",
	"Error":        "ERROR",
	"Ports":        "PORTS",
}

// Options are the flags every task list has.
type Options struct {
	Quiet, NoTrunc, NoResolve bool
	Format                    string
	Filters                   *opts.Filter
}

// AddFlags declares the flags.
func (o *Options) AddFlags(f *pflag.FlagSet) {
	o.Filters = opts.NewFilter()
	f.BoolVar(&o.NoTrunc, "no-trunc", false, "Do not truncate output")
	f.BoolVar(&o.NoResolve, "no-resolve", false, "Do not map IDs to Names")
	f.VarP(o.Filters, "filter", "f", "Filter output based on conditions provided")
	f.StringVar(&o.Format, "format", "", "Pretty-print tasks using a Go template")
	f.BoolVarP(&o.Quiet, "quiet", "q", false, "Only display task IDs")
}

// Lister lists the tasks of a ps command's arguments, with the format
// parsed (before any request) and the client at hand.
type Lister func(ctx context.Context, c *cli.CLI, client *engine.Client, f *format.Format, o Options, args []string) error

// NewCommand is a "ps" of tasks with the flags they all have.
func NewCommand(c *cli.CLI, use, short string, args cobra.PositionalArgs, list Lister) *cobra.Command {
	var o Options
	cmd := cli.Command(use, short, args, func(cmd *cobra.Command, a []string) error {
		f, err := ParseFormat(c, o)
		if err != nil {
			return err
		}
		client, err := c.Client(cmd.Context())
		if err != nil {
			return err
		}
		return list(cmd.Context(), c, client, f, o, a)
	})
	o.AddFlags(cmd.Flags())
	return cmd
}

// ParseFormat picks and parses the template before any request: --format,
// else the config's tasksFormat (not with -q), else the table.
func ParseFormat(c *cli.CLI, o Options) (*format.Format, error) {
	configured := ""
	if o.Format == "" && !o.Quiet {
		configured = c.Config().TasksFormat
	}
	f, err := format.Parse(format.ListSpec(o.Format, configured, o.Quiet, DefaultFormat, QuietFormat), DefaultFormat)
	if err != nil {
		return nil, fmt.Errorf("template parsing error: %w", err)
	}
	return f, nil
}

// Print writes the tasks with f, grouped by service and slot (or node),
// the newest first in a slot; in a table the older tasks of a slot are
// marked " \_ ". Unless NoResolve, services and nodes are shown by name.
func Print(ctx context.Context, c *cli.CLI, client *engine.Client, tasks []engine.Task, f *format.Format, o Options) error {
	r := resolver{client: client, off: o.NoResolve, services: map[string]string{}, nodes: map[string]string{}}
	rows := make([]*taskContext, len(tasks))
	for i := range tasks {
		t := &tasks[i]
		rows[i] = &taskContext{t: t, trunc: !o.NoTrunc, service: r.service(ctx, t.ServiceID)}
	}
	slices.SortStableFunc(rows, func(a, b *taskContext) int {
		return cmp.Or(
			strings.Compare(a.service, b.service),
			cmp.Compare(a.t.Slot, b.t.Slot),
			strings.Compare(a.t.NodeID, b.t.NodeID),
			b.t.CreatedAt.Compare(a.t.CreatedAt),
		)
	})
	// Names are kept by task ID, as the reference keeps them: a task listed
	// twice (node ps of several nodes) gets the name of its last listing.
	names := map[string]string{}
	prev := ""
	for _, row := range rows {
		row.node = r.node(ctx, row.t.NodeID)
		name := row.service + "." + strconv.Itoa(row.t.Slot)
		if row.t.Slot == 0 {
			name = row.service + "." + row.t.NodeID
		}
		names[row.t.ID] = name
		if name == prev && f.IsTable() {
			names[row.t.ID] = ` \_ ` + name
		}
		prev = name
	}
	for _, row := range rows {
		row.name = names[row.t.ID]
	}
	return format.WriteRows(format.NewWriter(c.Out, f, header), rows, func(r **taskContext) any { return *r })
}

// resolver names services and nodes, asking the engine once for each.
type resolver struct {
	client          *engine.Client
	off             bool
	services, nodes map[string]string
}

func (r *resolver) service(ctx context.Context, id string) string {
	if r.off {
		return id
	}
	if name, ok := r.services[id]; ok {
		return name
	}
	name := id
	if s, _, err := r.client.ServiceInspect(ctx, id, false); err == nil {
		name = s.Spec.Name
	}
	r.services[id] = name
	return name
}

func (r *resolver) node(ctx context.Context, id string) string {
	if r.off || id == "" {
		return id
	}
	if name, ok := r.nodes[id]; ok {
		return name
	}
	name := id
	if n, _, err := r.client.NodeInspect(ctx, id); err == nil && n.Description.Hostname != "" {
		name = n.Description.Hostname
	}
	r.nodes[id] = name
	return name
}

type taskContext struct {
	t                   *engine.Task
	trunc               bool
	service, name, node string
}

func (r *taskContext) MarshalJSON() ([]byte, error) { return format.MarshalRow(r) }

func (r *taskContext) ID() string {
	if r.trunc {
		return format.TruncateID(r.t.ID)
	}
	return r.t.ID
}

func (r *taskContext) Name() string { return r.name }

func (r *taskContext) Image() string {
	if r.t.Spec.ContainerSpec == nil {
		return ""
	}
	image := r.t.Spec.ContainerSpec.Image
	if r.trunc {
		image, _, _ = strings.Cut(image, "@")
	}
	return image
}

func (r *taskContext) Node() string         { return r.node }
func (r *taskContext) DesiredState() string { return format.Capitalize(r.t.DesiredState) }

func (r *taskContext) CurrentState() string {
	return fmt.Sprintf("%s %s ago", format.Capitalize(r.t.Status.State),
		strings.ToLower(format.HumanDuration(time.Since(r.t.Status.Timestamp))))
}

func (r *taskContext) Error() string {
	err := r.t.Status.Err
	if err == "" {
		return ""
	}
	if r.trunc {
		err = format.Ellipsis(err, 30)
	}
	return fmt.Sprintf("%q", err)
}

func (r *taskContext) Ports() string { return Ports(r.t.Status.PortStatus.Ports) }

// Ports shows published ports as "*:8080->80/tcp", comma separated.
func Ports(ports []engine.PortConfig) string {
	out := make([]string, 0, len(ports))
	for _, p := range ports {
		out = append(out, fmt.Sprintf("*:%d->%d/%s", p.PublishedPort, p.TargetPort, p.Protocol))
	}
	return strings.Join(out, ", ")
}
