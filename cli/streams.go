package cli

import (
	"bufio"
	"io"
	"os"

	"github.com/moby/term"
)

// In is standard input with terminal detection and raw mode.
type In struct {
	io.Reader
	fd       uintptr
	terminal bool
	state    *term.State
}

// NewIn wraps r; terminal detection uses its file descriptor when it has one.
func NewIn(r io.Reader) *In {
	in := &In{Reader: r}
	in.fd, in.terminal = term.GetFdInfo(r)
	return in
}

// FD returns the underlying file descriptor.
func (i *In) FD() uintptr { return i.fd }

// IsTerminal reports whether input is a terminal.
func (i *In) IsTerminal() bool { return i.terminal }

// SetRaw puts the terminal in raw mode (no-op when not a terminal or NORAW is set).
func (i *In) SetRaw() error {
	if !i.terminal || os.Getenv("NORAW") != "" {
		return nil
	}
	st, err := term.SetRawTerminal(i.fd)
	if err != nil {
		return err
	}
	i.state = st
	return nil
}

// Restore undoes SetRaw.
func (i *In) Restore() {
	if i.state != nil {
		_ = term.RestoreTerminal(i.fd, i.state)
		i.state = nil
	}
}

// Out is an output stream: buffered when it is not a terminal, direct when it is,
// so interactive output appears at once and piped output costs few syscalls.
type Out struct {
	w        io.Writer
	buf      *bufio.Writer
	fd       uintptr
	terminal bool
	state    *term.State
}

// NewOut wraps w.
func NewOut(w io.Writer) *Out {
	o := &Out{w: w}
	o.fd, o.terminal = term.GetFdInfo(w)
	if !o.terminal {
		o.buf = bufio.NewWriterSize(w, 64*1024)
	}
	return o
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

// FD returns the underlying file descriptor.
func (o *Out) FD() uintptr { return o.fd }

// IsTerminal reports whether output is a terminal.
func (o *Out) IsTerminal() bool { return o.terminal }

// Size returns the terminal's height and width (0, 0 when unknown).
func (o *Out) Size() (height, width uint) {
	if !o.terminal {
		return 0, 0
	}
	ws, err := term.GetWinsize(o.fd)
	if err != nil {
		return 0, 0
	}
	return uint(ws.Height), uint(ws.Width)
}

// SetRaw puts an output terminal in raw mode (for -t without translation).
func (o *Out) SetRaw() error {
	if !o.terminal || os.Getenv("NORAW") != "" {
		return nil
	}
	st, err := term.SetRawTerminal(o.fd)
	if err != nil {
		return err
	}
	o.state = st
	return nil
}

// Restore undoes SetRaw.
func (o *Out) Restore() {
	if o.state != nil {
		_ = term.RestoreTerminal(o.fd, o.state)
		o.state = nil
	}
}

// Streams are the three standard streams.
type Streams struct {
	In  *In
	Out *Out
	Err *Out
}

// NewUnbufferedOut wraps w without buffering: stderr keeps its order with
// respect to stdout as the user sees it, and nothing is lost on exit.
func NewUnbufferedOut(w io.Writer) *Out {
	o := &Out{w: w}
	o.fd, o.terminal = term.GetFdInfo(w)
	return o
}

// StdStreams returns the process's standard streams.
func StdStreams() Streams {
	return Streams{In: NewIn(os.Stdin), Out: NewOut(os.Stdout), Err: NewUnbufferedOut(os.Stderr)}
}
