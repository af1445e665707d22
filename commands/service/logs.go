package service

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/format"
	"github.com/dockerclone/docker/cli/opts"
)

type logsOptions struct {
	noResolve, noTrunc, noTaskIDs, raw, details, follow, timestamps bool
	since, tail                                                     string
}

func newLogsCommand(c *cli.CLI) *cobra.Command {
	var o logsOptions
	cmd := cli.Command("logs [OPTIONS] SERVICE|TASK", "Fetch the logs of a service or task", cli.ExactArgs(1),
		func(cmd *cobra.Command, args []string) error { return runLogs(cmd.Context(), c, o, args[0]) })
	f := cmd.Flags()
	f.BoolVar(&o.noResolve, "no-resolve", false, "Do not map IDs to Names in output")
	f.BoolVar(&o.noTrunc, "no-trunc", false, "Do not truncate output")
	f.BoolVar(&o.raw, "raw", false, "Do not neatly format logs")
	f.BoolVar(&o.noTaskIDs, "no-task-ids", false, "Do not include task IDs in output")
	f.BoolVarP(&o.follow, "follow", "f", false, "Follow log output")
	f.StringVar(&o.since, "since", "", `Show logs since timestamp (e.g. "2013-01-02T13:23:37Z") or relative (e.g. "42m" for 42 minutes)`)
	f.BoolVarP(&o.timestamps, "timestamps", "t", false, "Show timestamps")
	f.BoolVar(&o.details, "details", false, "Show extra details provided to logs")
	f.StringVarP(&o.tail, "tail", "n", "all", "Number of lines to show from the end of the logs")
	cli.MinAPI(f, "1.30", "details", "raw")
	return cli.MinAPICommand(cmd, "1.29")
}

// runLogs streams the logs of a service, or of one task when no service
// has that name. Unless --raw, every line is prefixed with its task and
// node, which the daemon tells in the line's details.
func runLogs(ctx context.Context, c *cli.CLI, o logsOptions, name string) error {
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	var spec *engine.ContainerSpec
	slots := 1
	logs := client.ServiceLogs
	svc, _, err := client.ServiceInspect(ctx, name, false)
	switch {
	case err == nil:
		spec = svc.Spec.TaskTemplate.ContainerSpec
		if r := svc.Spec.Mode.Replicated; r != nil && r.Replicas != nil {
			slots = len(strconv.FormatUint(*r.Replicas, 10))
		}
	case engine.IsNotFound(err):
		t, _, err := client.TaskInspect(ctx, name)
		if engine.IsNotFound(err) {
			return fmt.Errorf("no such task or service: %s", name)
		} else if err != nil {
			return err
		}
		spec, logs = t.Spec.ContainerSpec, client.TaskLogs
	default:
		return err
	}
	tty := spec != nil && spec.TTY
	if tty && !o.raw {
		return fmt.Errorf("tty service logs only supported with --raw")
	}
	since, err := opts.Timestamp(o.since, time.Now())
	if err != nil {
		return fmt.Errorf(`invalid value for "since": %w`, err)
	}
	req := engine.LogsOptions{Follow: o.follow, Timestamps: o.timestamps, Details: o.details || !o.raw, Tail: o.tail, Since: since}
	body, err := logs(ctx, name, req)
	if err != nil {
		return err
	}
	defer body.Close()
	if tty {
		_, err = io.Copy(c.Out, body)
		return err
	}
	p := &linePrefixer{ctx: ctx, client: client, o: o, padding: slots + 4, names: map[string]string{}, tasks: map[string][2]string{}}
	_, err = engine.StdCopy(&lineWriter{out: c.Out, p: p}, &lineWriter{out: c.Err, p: p}, body)
	return err
}

// lineWriter formats each complete line it is given.
type lineWriter struct {
	out  io.Writer
	p    *linePrefixer
	part []byte
}

func (w *lineWriter) Write(b []byte) (int, error) {
	w.part = append(w.part, b...)
	for {
		i := bytes.IndexByte(w.part, '\n')
		if i < 0 {
			return len(b), nil
		}
		line := string(w.part[:i])
		w.part = w.part[i+1:]
		if _, err := io.WriteString(w.out, w.p.format(line)+"\n"); err != nil {
			return 0, err
		}
	}
}

// linePrefixer turns "[timestamp ]details message" into the reference's
// "[timestamp ]service.slot.task@node   | message".
type linePrefixer struct {
	ctx     context.Context
	client  *engine.Client
	o       logsOptions
	padding int
	names   map[string]string // object ID -> name, asked once
	tasks   map[string][2]string
}

func (p *linePrefixer) format(line string) string {
	var ts string
	if p.o.timestamps {
		ts, line, _ = strings.Cut(line, " ")
		ts += " "
	}
	if p.o.raw {
		return ts + line // details, when asked for, stay as the daemon sent them
	}
	details, msg, _ := strings.Cut(line, " ")
	var taskID, nodeID string
	var extra []string
	for _, kv := range strings.Split(details, ",") {
		k, v, _ := strings.Cut(kv, "=")
		k, _ = url.QueryUnescape(k)
		v, _ = url.QueryUnescape(v)
		switch k {
		case "com.docker.swarm.task.id":
			taskID = v
		case "com.docker.swarm.node.id":
			nodeID = v
		case "com.docker.swarm.service.id", "":
		default:
			extra = append(extra, k+"="+v)
		}
	}
	if p.o.details {
		msg = strings.Join(extra, ",") + " " + msg
	}
	task, slot := p.taskName(taskID)
	pad := max(p.padding-len(slot), 1)
	return ts + task + "@" + p.nodeName(nodeID) + strings.Repeat(" ", pad) + "| " + msg
}

func (p *linePrefixer) taskName(id string) (name, slot string) {
	if t, ok := p.tasks[id]; ok {
		return t[0], t[1]
	}
	name, slot = p.readTask(id)
	p.tasks[id] = [2]string{name, slot}
	return name, slot
}

func (p *linePrefixer) readTask(id string) (name, slot string) {
	t, _, err := p.client.TaskInspect(p.ctx, id)
	if err != nil {
		return id, ""
	}
	slot = strconv.Itoa(t.Slot)
	service := t.ServiceID
	if !p.o.noResolve {
		service = p.lookup(t.ServiceID, func() (string, error) {
			s, _, err := p.client.ServiceInspect(p.ctx, t.ServiceID, false)
			return s.Spec.Name, err
		})
	}
	name = service + "." + slot
	if !p.o.noTaskIDs {
		if p.o.noTrunc {
			name += "." + t.ID
		} else {
			name += "." + format.TruncateID(t.ID)
		}
	}
	return name, slot
}

func (p *linePrefixer) nodeName(id string) string {
	if p.o.noResolve {
		return id
	}
	return p.lookup(id, func() (string, error) {
		n, _, err := p.client.NodeInspect(p.ctx, id)
		return n.Description.Hostname, err
	})
}

// lookup names an object once; an object that cannot be read keeps its ID.
func (p *linePrefixer) lookup(id string, get func() (string, error)) string {
	if name, ok := p.names[id]; ok {
		return name
	}
	name, err := get()
	if err != nil || name == "" {
		name = id
	}
	p.names[id] = name
	return name
}
