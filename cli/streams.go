package cli

import (
	"bufio"
	"io"
	"os"

	"github.com/moby/term"
)

// tty is what In and Out share: the descriptor, whether it is a terminal,
// and the mode to restore after raw mode. A simulated terminal (tests) is a
// terminal in name only: its modes are never touched.
type tty struct {
	fd        uintptr
	terminal  bool
	simulated bool
	state     *term.State
}

// FD returns the underlying file descriptor.
func (t *tty) FD() uintptr { return t.fd }

// IsTerminal reports whether the stream is a terminal.
func (t *tty) IsTerminal() bool { return t.terminal }

// SetRaw puts the terminal in raw mode (no-op when not a terminal or NORAW is set).
func (t *tty) SetRaw() error {
	if !t.terminal || t.simulated || os.Getenv("NORAW") != "" {
		return nil
	}
	st, err := term.SetRawTerminal(t.fd)
	if err != nil {
		return err
	}
	t.state = st
	return nil
}

// Restore undoes SetRaw.
func (t *tty) Restore() {
	if t.state != nil {
		_ = term.RestoreTerminal(t.fd, t.state)
		t.state = nil
	}
}

// In is standard input with terminal detection and raw mode.
type In struct {
	io.Reader
	tty
}

// NewIn wraps r; terminal detection uses its file descriptor when it has one.
func NewIn(r io.Reader) *In {
	in := &In{Reader: r}
	in.fd, in.terminal = term.GetFdInfo(r)
	return in
}

// NewTerminalIn reads r but reports a terminal, so that tests reach the
// terminal paths without a pty.
func NewTerminalIn(r io.Reader) *In {
	return &In{Reader: r, tty: tty{terminal: true, simulated: true}}
}

// DisableEcho turns echo off (for a password) until restore is called; it
// does nothing when input is not a terminal.
func (i *In) DisableEcho() (restore func(), err error) {
	if !i.terminal || i.simulated {
		return func() {}, nil
	}
	state, err := term.SaveState(i.fd)
	if err != nil {
		return nil, err
	}
	if err := term.DisableEcho(i.fd, state); err != nil {
		return nil, err
	}
	return func() { _ = term.RestoreTerminal(i.fd, state) }, nil
}

// Out is an output stream: buffered when it is not a terminal, direct when it is,
// so interactive output appears at once and piped output costs few syscalls.
type Out struct {
	tty
	w    io.Writer
	buf  *bufio.Writer
	size *term.Winsize // a simulated terminal's; nil for a real one
}

// NewOut wraps w.
func NewOut(w io.Writer) *Out {
	o := NewUnbufferedOut(w)
	if !o.terminal {
		o.buf = bufio.NewWriterSize(w, 64*1024)
	}
	return o
}

// NewUnbufferedOut wraps w without buffering: stderr keeps its order with
// respect to stdout as the user sees it, and nothing is lost on exit.
func NewUnbufferedOut(w io.Writer) *Out {
	o := &Out{w: w}
	o.fd, o.terminal = term.GetFdInfo(w)
	return o
}

// NewTerminalOut writes to w as to a terminal (unbuffered) and reports a
// terminal of width columns and height rows, so that tests reach the
// terminal paths without a pty.
func NewTerminalOut(w io.Writer, width, height uint) *Out {
	return &Out{w: w, tty: tty{terminal: true, simulated: true},
		size: &term.Winsize{Width: uint16(width), Height: uint16(height)}}
}

func (o *Out) Write(p []byte) (int, error) {
	if o.buf != nil {
		return o.buf.Write(p)
	}
	return o.w.Write(p)
}

// WriteString avoids a conversion for the common case.
func (o *Out) WriteString(s string) (int, error) {
	if o.buf != nil {
		return o.buf.WriteString(s)
	}
	return io.WriteString(o.w, s)
}

// Flush writes out anything buffered.
func (o *Out) Flush() error {
	if o.buf != nil {
		return o.buf.Flush()
	}
	return nil
}

// Size returns the terminal's height and width (0, 0 when unknown).
func (o *Out) Size() (height, width uint) {
	if !o.terminal {
		return 0, 0
	}
	ws := o.size
	if ws == nil {
		var err error
		if ws, err = term.GetWinsize(o.fd); err != nil {
			return 0, 0
		}
	}
	return uint(ws.Height), uint(ws.Width)
}

// Streams are the three standard streams.
type Streams struct {
	In  *In
	Out *Out
	Err *Out
}

// StdStreams returns the process's standard streams.
func StdStreams() Streams {
	return Streams{In: NewIn(os.Stdin), Out: NewOut(os.Stdout), Err: NewUnbufferedOut(os.Stderr)}
}

// Unwrap returns the writer Out wraps, for handing the real stream (a
// terminal's file descriptor) to a child process.
func (o *Out) Unwrap() io.Writer { return o.w }
