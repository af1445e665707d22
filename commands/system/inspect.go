package system

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/format"
	"github.com/dockerclone/docker/cli/format/shapes"
)

// inspectTypes are the --type values, in the reference's message order.
var inspectTypes = []string{"config", "container", "image", "network", "node", "plugin", "secret", "service", "task", "volume"}

// newInspectCommand is the top-level `docker inspect`, which looks a name up
// as a container, image, network, volume, swarm object (on a manager) and
// plugin, in that order. An unknown --type is refused before anything else.
func newInspectCommand(c *cli.CLI) *cobra.Command {
	var l inspectLookup
	cmd := cli.InspectCommand(c, "inspect [OPTIONS] NAME|ID [NAME|ID...]", "Return low-level information on Docker objects",
		func(ctx context.Context, client *engine.Client, w *format.Inspect, name string) error {
			l.client = client
			raw, kind, err := l.find(ctx, l.kind, name)
			if err != nil {
				return err
			}
			return w.Add(raw, shapes.New(kind))
		})
	cmd.PreRunE = func(*cobra.Command, []string) error {
		if l.kind != "" && !inspectKnownType(l.kind) {
			return fmt.Errorf("unknown type: %q: must be one of %s", l.kind, inspectQuotedTypes())
		}
		return nil
	}
	f := cmd.Flags()
	f.BoolVarP(&l.size, "size", "s", false, "Display total file sizes if the type is container")
	f.StringVar(&l.kind, "type", "", "Only inspect objects of the given type")
	return cmd
}

func inspectKnownType(t string) bool {
	for _, k := range inspectTypes {
		if k == t {
			return true
		}
	}
	return false
}

func inspectQuotedTypes() string {
	q := make([]string, len(inspectTypes))
	for i, t := range inspectTypes {
		q[i] = fmt.Sprintf("%q", t)
	}
	return strings.Join(q, ", ")
}

// inspectLookup finds objects by name across the object types.
type inspectLookup struct {
	client  *engine.Client
	kind    string // --type: only this kind
	size    bool
	manager *bool // swarm manager? asked once, when first needed
}

func (l *inspectLookup) get(ctx context.Context, kind, name string) ([]byte, error) {
	switch kind {
	case "container":
		_, raw, err := l.client.ContainerInspect(ctx, name, l.size)
		return raw, err
	case "image":
		return l.client.ImageInspect(ctx, name)
	default:
		return l.client.ObjectInspect(ctx, kind, name)
	}
}

// find returns the first object called name. With a type given the daemon's
// error is the answer; otherwise "not found"-like errors move on to the next
// type, and when none matches the error is the reference's "No such object".
func (l *inspectLookup) find(ctx context.Context, kind, name string) ([]byte, string, error) {
	if kind != "" {
		raw, err := l.get(ctx, kind, name)
		return raw, kind, err
	}
	for _, k := range []string{"container", "image", "network", "volume", "node", "service", "task", "secret", "config", "plugin"} {
		if inspectSwarmType(k) && !l.isManager(ctx) {
			continue
		}
		raw, err := l.get(ctx, k, name)
		if err == nil {
			return raw, k, nil
		}
		if !inspectSkippable(err) {
			return nil, "", err
		}
	}
	return nil, "", fmt.Errorf("Error: No such object: %s", name)
}

func inspectSwarmType(k string) bool {
	switch k {
	case "node", "service", "task", "secret", "config":
		return true
	}
	return false
}

// isManager asks /info whether this engine manages a swarm; swarm objects
// are only looked up there.
func (l *inspectLookup) isManager(ctx context.Context) bool {
	if l.manager == nil {
		m := false
		if info, err := l.client.Info(ctx); err == nil {
			var sw struct{ ControlAvailable bool }
			if json.Unmarshal(info["Swarm"], &sw) == nil {
				m = sw.ControlAvailable
			}
		}
		l.manager = &m
	}
	return *l.manager
}

// inspectSkippable: errors that mean "not this kind of object".
func inspectSkippable(err error) bool {
	msg := err.Error()
	return engine.IsNotFound(err) || strings.Contains(msg, "not supported") ||
		strings.Contains(msg, "invalid reference format")
}
