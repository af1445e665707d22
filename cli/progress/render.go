// Package progress draws the daemon's pull/push progress stream the way the
// reference CLI does: one line per layer redrawn in place on a terminal, plain
// status lines otherwise.
package progress

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/docker/go-units"
	"github.com/morikuni/aec"

	"github.com/dockerclone/docker/cli/engine"
)

// DefaultWidth is the width the reference assumes when the terminal size is
// unknown; callers pass it when the size query fails.
const DefaultWidth = 200

// Widths from which the bar and the time-left estimate are drawn.
const (
	barMinWidth      = 111
	timeLeftMinWidth = 51
)

// timeFormat is RFC 3339 with nanoseconds always nine digits wide.
const timeFormat = "2006-01-02T15:04:05.000000000Z07:00"

// Renderer draws a progress stream to Out.
type Renderer struct {
	Out io.Writer
	// Terminal enables in-place redrawing and bars.
	Terminal bool
	// Width is the terminal's width in columns (DefaultWidth when unknown); it is
	// used only when Terminal is set.
	Width int
	// OnAux receives each message's aux payload; such messages print nothing.
	OnAux func(json.RawMessage)
	// Now is the clock for the time-left estimate; time.Now when nil.
	Now func() time.Time
}

// Render draws the stream read from src to out, like Renderer.Render.
func Render(src io.Reader, out io.Writer, isTerminal bool, termWidth int, onAux func(json.RawMessage)) error {
	r := Renderer{Out: out, Terminal: isTerminal, Width: termWidth, OnAux: onAux}
	return r.Render(src)
}

// Discard consumes the stream without drawing it (--quiet); it still returns the
// stream's error and passes aux payloads to onAux.
func Discard(src io.Reader, onAux func(json.RawMessage)) error {
	r := Renderer{Out: io.Discard, OnAux: onAux}
	return r.Render(src)
}

// Render decodes src until it ends. It returns the first errorDetail as an
// *engine.JSONError (its text is the bare message) and decoding errors as they
// are. Each message leaves in one Write; Out is flushed after it when it has a
// Flush method, so a buffered terminal stream shows progress as it happens.
func (r *Renderer) Render(src io.Reader) error {
	if d, ok := src.(readDelayer); ok && !r.Terminal {
		d.SetReadDelay(unwatchedReadDelay)
	}
	dec := engine.NewJSONMessageDecoder(src)
	// Line of each layer drawn since the last plain line, counted from the top.
	lines := map[string]int{}
	var m engine.JSONMessage
	var buf []byte
	for {
		if err := dec.Next(&m); err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return err
		}
		if m.Aux != nil {
			if r.OnAux != nil {
				r.OnAux(m.Aux)
			}
			continue
		}
		buf = buf[:0]
		up := 0
		if m.ID != "" && (m.ProgressDetail != nil || m.Progress != "") {
			line, ok := lines[m.ID]
			if !ok {
				line = len(lines)
				lines[m.ID] = line
				if r.Terminal {
					buf = append(buf, '\n')
				}
			}
			up = len(lines) - line
			if r.Terminal && up > 0 {
				buf = append(buf, aec.Up(uint(up)).String()...)
			}
		} else {
			// A line not tracked by the table breaks the counting: start afresh below it.
			clear(lines)
		}
		var failed error
		if m.ErrorDetail != nil {
			failed = m.ErrorDetail
		} else {
			buf = r.appendMessage(buf, &m)
		}
		if r.Terminal && m.ID != "" && up > 0 {
			buf = append(buf, aec.Down(uint(up)).String()...)
		}
		if err := r.write(buf); err != nil {
			return err
		}
		if failed != nil {
			return failed
		}
	}
}

type flusher interface{ Flush() error }

// unwatchedReadDelay is how long a read of a stream drawn off a terminal may
// wait for more messages (see engine's SetReadDelay): nobody sees the
// difference in a file or pipe, and a pull wakes the process a few times a
// second instead of once per message.
const unwatchedReadDelay = 100 * time.Millisecond

type readDelayer interface{ SetReadDelay(time.Duration) }

func (r *Renderer) write(p []byte) error {
	if len(p) == 0 {
		return nil
	}
	if _, err := r.Out.Write(p); err != nil {
		return err
	}
	if f, ok := r.Out.(flusher); ok {
		return f.Flush()
	}
	return nil
}

// appendMessage draws one message (not an error) at the cursor.
func (r *Renderer) appendMessage(buf []byte, m *engine.JSONMessage) []byte {
	endl := ""
	switch {
	case r.Terminal && m.Stream == "" && m.ProgressDetail != nil:
		buf = append(buf, aec.EraseLine(aec.EraseModes.All).String()...)
		endl = "\r"
		buf = append(buf, endl...)
	case m.ProgressDetail != nil && r.bar(m.ProgressDetail) != "":
		// Without a terminal bars are noise: only the status changes are kept.
		return buf
	}
	switch {
	case m.TimeNano != 0:
		buf = time.Unix(0, m.TimeNano).AppendFormat(buf, timeFormat)
		buf = append(buf, ' ')
	case m.Time != 0:
		buf = time.Unix(m.Time, 0).AppendFormat(buf, timeFormat)
		buf = append(buf, ' ')
	}
	if m.ID != "" {
		buf = append(buf, m.ID...)
		buf = append(buf, ": "...)
	}
	if m.From != "" {
		buf = append(buf, "(from "...)
		buf = append(buf, m.From...)
		buf = append(buf, ") "...)
	}
	switch {
	case m.ProgressDetail != nil && r.Terminal:
		buf = append(buf, m.Status...)
		buf = append(buf, ' ')
		buf = append(buf, r.bar(m.ProgressDetail)...)
		buf = append(buf, endl...)
	case m.Progress != "":
		buf = append(buf, m.Status...)
		buf = append(buf, ' ')
		buf = append(buf, m.Progress...)
		buf = append(buf, endl...)
	case m.Stream != "":
		buf = append(buf, m.Stream...)
		buf = append(buf, endl...)
	default:
		buf = append(buf, m.Status...)
		buf = append(buf, endl...)
		buf = append(buf, '\n')
	}
	return buf
}

// bar renders a progressDetail: "[====>   ]  1.2MB/3MB 5s". Without a terminal
// the width is the reference's default, which decides only whether a
// count-less detail renders empty.
func (r *Renderer) bar(p *engine.JSONProgress) string {
	width := DefaultWidth
	if r.Terminal {
		width = r.Width
	}
	now := time.Now
	if r.Now != nil {
		now = r.Now
	}
	return Bar(p, width, now())
}

// Bar renders p for a terminal of the given width at time now. It is empty when
// there is nothing to count.
func Bar(p *engine.JSONProgress, width int, now time.Time) string {
	if p.Current <= 0 && p.Total <= 0 {
		return ""
	}
	if p.Total <= 0 {
		if p.Units == "" {
			return fmt.Sprintf("%8v", units.HumanSize(float64(p.Current)))
		}
		return fmt.Sprintf("%d %s", p.Current, p.Units)
	}
	// Whole percent halved: the bar is 50 cells wide.
	cells := int(float64(p.Current)/float64(p.Total)*100) / 2
	cells = max(0, min(cells, 50))

	var b strings.Builder
	if width >= barMinWidth {
		b.WriteByte('[')
		b.WriteString(strings.Repeat("=", cells))
		b.WriteByte('>')
		b.WriteString(strings.Repeat(" ", 50-cells))
		b.WriteString("] ")
	}
	switch {
	case p.HideCounts:
	case p.Units == "" && p.Current > p.Total:
		fmt.Fprintf(&b, "%8v", units.HumanSize(float64(p.Current)))
	case p.Units == "":
		fmt.Fprintf(&b, "%8v/%v", units.HumanSize(float64(p.Current)), units.HumanSize(float64(p.Total)))
	case p.Current > p.Total:
		fmt.Fprintf(&b, "%d %s", p.Current, p.Units)
	default:
		fmt.Fprintf(&b, "%d/%d %s", p.Current, p.Total, p.Units)
	}
	if p.Current > 0 && p.Start > 0 && cells < 50 && width >= timeLeftMinWidth {
		perUnit := now.Sub(time.Unix(p.Start, 0)) / time.Duration(p.Current)
		left := (time.Duration(p.Total-p.Current) * perUnit).Round(time.Second)
		b.WriteByte(' ')
		b.WriteString(left.String())
	}
	return b.String()
}
