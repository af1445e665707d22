// Package events holds `docker events` (also `docker system events`): the
// engine's event stream, printed as it arrives. A package of its own so that
// template errors name the row type "*events.Message", as the reference's.
package events

import (
	"context"
	"errors"
	"io"
	"sort"
	"strings"
	"text/template"
	"time"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/format"
	"github.com/dockerclone/docker/cli/opts"
)

// Message is what a --format template sees; its name shows in template
// errors ("*events.Message"), as the reference's.
type Message engine.Event

type eventsOptions struct {
	since, until string
	format       string
	filter       *opts.Filter
}

// NewCommand is `docker events`; the system group reuses it.
func NewCommand(c *cli.CLI) *cobra.Command {
	o := eventsOptions{filter: opts.NewFilter()}
	cmd := cli.Command("events [OPTIONS]", "Get real time events from the server", cli.NoArgs,
		func(cmd *cobra.Command, _ []string) error { return runEvents(cmd.Context(), c, o) },
		"docker system events", "docker events")
	flags := cmd.Flags()
	flags.StringVar(&o.since, "since", "", "Show all events created since timestamp")
	flags.StringVar(&o.until, "until", "", "Stream events until this timestamp")
	flags.VarP(o.filter, "filter", "f", "Filter output based on conditions provided")
	flags.StringVar(&o.format, "format", "", format.InspectUsage)
	return cmd
}

// runEvents prints each event as it arrives, flushing every line, until the
// daemon ends the stream (--until) or the user interrupts.
func runEvents(ctx context.Context, c *cli.CLI, o eventsOptions) error {
	tmpl, err := parseFormat(o.format)
	if err != nil {
		return cli.Errorf(64, "Error parsing format: %s", err)
	}
	now := time.Now()
	since, err := opts.Timestamp(o.since, now)
	if err != nil {
		return err
	}
	until, err := opts.Timestamp(o.until, now)
	if err != nil {
		return err
	}
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	stream, err := client.Events(ctx, engine.EventsOptions{Since: since, Until: until, Filters: o.filter.Value()})
	if err != nil {
		return err
	}
	defer stream.Close()
	for {
		e, err := stream.Next()
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			if errors.Is(err, io.EOF) {
				return nil
			}
			return err
		}
		if tmpl != nil {
			if err = tmpl.Execute(c.Out, (*Message)(&e)); err == nil {
				_, err = io.WriteString(c.Out, "\n")
			}
		} else {
			_, err = io.WriteString(c.Out, line(&e))
		}
		if err != nil {
			return err
		}
		if err := c.Out.Flush(); err != nil {
			return err
		}
	}
}

// parseFormat parses --format ("json" is {{json .}}) and runs it once on
// an empty message, so a template that cannot run fails before any event,
// as with the reference. No format is the default line.
func parseFormat(spec string) (*template.Template, error) {
	if spec == "" {
		return nil, nil
	}
	if spec == "json" {
		spec = "{{json .}}"
	}
	tmpl, err := format.ParseTemplate("", spec)
	if err != nil {
		return nil, err
	}
	if err := tmpl.Execute(io.Discard, &Message{}); err != nil {
		return nil, err
	}
	return tmpl, nil
}

// line is the default rendering: local time with nanoseconds, type,
// action, actor and its attributes sorted by key.
func line(e *engine.Event) string {
	var b strings.Builder
	t := time.Unix(0, e.TimeNano)
	if e.TimeNano == 0 {
		t = time.Unix(e.Time, 0)
	}
	b.WriteString(t.Format("2006-01-02T15:04:05.000000000Z07:00"))
	if e.Type != "" {
		b.WriteString(" " + e.Type + " " + e.Action + " " + e.Actor.ID)
	} else {
		// Events from old daemons carry only the legacy fields.
		b.WriteString(" " + e.ID + ": " + e.Status)
	}
	if len(e.Actor.Attributes) > 0 {
		keys := make([]string, 0, len(e.Actor.Attributes))
		for k := range e.Actor.Attributes {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		kv := make([]string, len(keys))
		for i, k := range keys {
			kv[i] = k + "=" + e.Actor.Attributes[k]
		}
		b.WriteString(" (" + strings.Join(kv, ", ") + ")")
	}
	b.WriteByte('\n')
	return b.String()
}
