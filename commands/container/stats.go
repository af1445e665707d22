package container

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/format"
	formatter "github.com/dockerclone/docker/cli/formatter/container"
)

const defaultStatsFormat = "table {{.ID}}\t{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.MemPerc}}\t{{.NetIO}}\t{{.BlockIO}}\t{{.PIDs}}"

const statsFormatUsage = "Format output using a custom template:\n" +
	"'table':            Print output in table format with column headers (default)\n" +
	"'table TEMPLATE':   Print output in table format using the given Go template\n" +
	"'json':             Print in JSON format\n" +
	"'TEMPLATE':         Print output using the given Go template.\n" +
	"Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates"

// The table is redrawn every statsInterval; a container without a first
// sample after statsTimeout has its row reset. Variables for the tests.
var (
	statsInterval = 500 * time.Millisecond
	statsTimeout  = 2 * time.Second
)

var errStatsTimeout = errors.New("timeout waiting for stats")

type statsOptions struct {
	all      bool
	noStream bool
	noTrunc  bool
	format   string
}

func newStatsCommand(c *cli.CLI) *cobra.Command {
	var o statsOptions
	cmd := newCommand("stats [OPTIONS] [CONTAINER...]", "Display a live stream of container(s) resource usage statistics",
		cli.RequiresMinArgs(0), func(cmd *cobra.Command, args []string) error { return runStats(cmd.Context(), c, o, args) })
	f := cmd.Flags()
	f.BoolVarP(&o.all, "all", "a", false, "Show all containers (default shows just running)")
	f.BoolVar(&o.noStream, "no-stream", false, "Disable streaming stats and only pull the first result")
	f.BoolVar(&o.noTrunc, "no-trunc", false, "Do not truncate output")
	f.StringVar(&o.format, "format", "", statsFormatUsage)
	return cmd
}

// runStats reads one stats stream per container concurrently and draws the
// latest sample of each every statsInterval, until interrupted (or once with
// --no-stream). Without names it follows the engine's events: containers
// that start join the table, those that die leave it (stay with -a).
func runStats(ctx context.Context, c *cli.CLI, o statsOptions, names []string) error {
	spec := o.format
	if spec == "" {
		spec = c.Config().StatsFormat
	}
	f, err := format.Parse(spec, defaultStatsFormat)
	if err != nil {
		return fmt.Errorf("template parsing error: %w", err)
	}
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	ctx, stop := context.WithCancel(ctx) // ends every stream on return
	defer stop()
	b := &statsBoard{ctx: ctx, client: client, stream: !o.noStream, trunc: !o.noTrunc}
	watchEnded := make(chan error, 1)
	if len(names) == 0 {
		if err := b.watch(o.all, watchEnded); err != nil {
			return err
		}
	}
	for _, name := range names {
		b.add(name)
	}
	// Every container's first sample (or failure) before the first frame.
	if err := b.waitFirst(); len(names) > 0 && err != nil {
		return err
	}
	tick := time.NewTicker(statsInterval)
	defer tick.Stop()
	for {
		<-tick.C
		if err := b.draw(c.Out, f, !o.noStream); err != nil || o.noStream {
			return err
		}
		select {
		case err := <-watchEnded:
			return err
		default:
		}
		if err := ctx.Err(); err != nil {
			// Interrupted: the last frame shows what the cancelled
			// streams left ("--"), once every one of them has ended.
			b.collectors.Wait()
			if derr := b.draw(c.Out, f, true); derr != nil {
				return derr
			}
			return err
		}
	}
}

// statsBoard holds a row per container, each fed by its own stream.
type statsBoard struct {
	ctx           context.Context
	client        *engine.Client
	stream, trunc bool

	mu         sync.Mutex
	entries    []*statsEntry
	collectors sync.WaitGroup // one per stream read
}

type statsEntry struct {
	container string // as named, or the short ID
	cancel    context.CancelFunc
	first     chan struct{} // closed at the first sample or failure
	once      sync.Once

	mu  sync.Mutex
	row *statsContext // nil before the first sample
	err error         // the stream failed: the row shows "--"
}

// add starts collecting a container's stats unless it is already shown.
func (b *statsBoard) add(container string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, e := range b.entries {
		if e.container == container {
			return
		}
	}
	ctx, cancel := context.WithCancel(b.ctx)
	e := &statsEntry{container: container, cancel: cancel, first: make(chan struct{})}
	b.entries = append(b.entries, e)
	b.collectors.Add(1)
	go func() {
		defer b.collectors.Done()
		b.collect(ctx, e)
	}()
}

func (b *statsBoard) remove(container string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for i, e := range b.entries {
		if e.container == container {
			e.cancel()
			b.entries = append(b.entries[:i], b.entries[i+1:]...)
			return
		}
	}
}

// rows are the rows to draw, read with the board locked: a container
// removed meanwhile (its stream cancelled, so "--") is not among them.
func (b *statsBoard) rows() []*statsContext {
	b.mu.Lock()
	defer b.mu.Unlock()
	rows := make([]*statsContext, 0, len(b.entries))
	for _, e := range b.entries {
		row, _ := e.view()
		rows = append(rows, row)
	}
	return rows
}

func (b *statsBoard) snapshot() []*statsEntry {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]*statsEntry(nil), b.entries...)
}

// waitFirst waits for a first sample or failure of every container shown
// and returns the failures, one per line.
func (b *statsBoard) waitFirst() error {
	var failed []string
	for _, e := range b.snapshot() {
		<-e.first
		if _, err := e.view(); err != nil {
			failed = append(failed, err.Error())
		}
	}
	if len(failed) > 0 {
		return errors.New(strings.Join(failed, "\n"))
	}
	return nil
}

// watch subscribes to container events before listing the containers, so
// that none starts unseen; the end of the event stream is sent to ended.
func (b *statsBoard) watch(all bool, ended chan<- error) error {
	filters := engine.Filters{}
	filters.Add("type", "container")
	events, err := b.client.Events(b.ctx, engine.EventsOptions{Filters: filters})
	if err != nil {
		return err
	}
	list, err := b.client.ContainerList(b.ctx, engine.ListOptions{All: all})
	if err != nil {
		events.Close()
		return err
	}
	for _, ctr := range list {
		b.add(formatter.TruncateID(ctr.ID))
	}
	go func() {
		defer events.Close()
		for {
			ev, err := events.Next()
			if err != nil {
				if b.ctx.Err() == nil {
					if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
						err = nil // the daemon went away: end quietly
					}
					ended <- err
				}
				return
			}
			id := formatter.TruncateID(ev.Actor.ID)
			switch {
			case ev.Action == "start", ev.Action == "create" && all:
				b.add(id)
			case ev.Action == "die" && !all:
				b.remove(id)
			}
		}
	}()
	return nil
}

// collect keeps e up to date with its container's stream.
func (b *statsBoard) collect(ctx context.Context, e *statsEntry) {
	samples := make(chan *statsContext)
	done := make(chan error, 1)
	go func() { done <- b.read(ctx, e.container, samples) }()
	// Only the first sample is waited for with a deadline, as with the
	// reference: a stream that stalls later keeps its last row.
	timeout := time.NewTimer(statsTimeout)
	defer timeout.Stop()
	for {
		select {
		case row := <-samples:
			timeout.Stop()
			e.update(row, nil)
		case err := <-done:
			if err != nil {
				e.update(nil, err)
			}
			return
		case <-timeout.C:
			e.update(&statsContext{container: e.container}, errStatsTimeout)
		}
	}
}

func (b *statsBoard) read(ctx context.Context, container string, out chan<- *statsContext) error {
	body, osType, err := b.client.ContainerStats(ctx, container, b.stream)
	if err != nil {
		return err
	}
	defer body.Close()
	dec := json.NewDecoder(body)
	for {
		var s statsJSON
		if err := dec.Decode(&s); err != nil {
			return err
		}
		select {
		case out <- newStatsContext(container, &s, osType, b.trunc):
		case <-ctx.Done():
			return ctx.Err()
		}
		if !b.stream {
			return nil
		}
	}
}

// update records a sample (err nil), a failure (row nil: the last sample is
// kept) or a reset (both).
func (e *statsEntry) update(row *statsContext, err error) {
	e.mu.Lock()
	if row != nil {
		e.row = row
	}
	e.err = err
	e.mu.Unlock()
	e.once.Do(func() { close(e.first) })
}

// view is the row to draw: zeros before any sample, "--" after a failure.
func (e *statsEntry) view() (*statsContext, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	r := statsContext{container: e.container}
	if e.row != nil {
		r = *e.row
	}
	r.invalid = e.err != nil
	return &r, e.err
}

// draw writes one frame. Redrawing, the reference homes the cursor, writes
// the table, homes again and rewrites it clearing each line's end, then
// clears what is left below (on a pipe too).
func (b *statsBoard) draw(out *cli.Out, f *format.Format, redraw bool) error {
	var table bytes.Buffer
	w := format.NewWriter(&table, f, statsHeader)
	for _, row := range b.rows() {
		if w.Write(row) != nil {
			break // reported by Flush
		}
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("template parsing error: %w", err)
	}
	if redraw {
		var frame bytes.Buffer
		frame.WriteString("\x1b[H")
		frame.Write(table.Bytes())
		frame.WriteString("\x1b[H")
		for _, line := range strings.Split(table.String(), "\n") {
			frame.WriteString(line + " \x1b[K\n")
		}
		frame.WriteString("\x1b[J")
		table = frame
	}
	if _, err := out.Write(table.Bytes()); err != nil {
		return err
	}
	return out.Flush()
}
