package container

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/moby/term"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
)

// defaultDetachKeys is ctrl-p,ctrl-q.
const defaultDetachKeys = "ctrl-p,ctrl-q"

// ioStreams says what to copy over a hijacked attach or exec connection.
type ioStreams struct {
	In   io.Reader // nil: stdin is not attached
	Out  io.Writer // nil: stdout is not attached
	Err  io.Writer // nil: stderr is not attached
	TTY  bool      // raw stream (one pty) instead of stdcopy frames
	Keys []byte    // detach sequence watched on stdin (TTY only); nil: none
}

// errDetached is what the input side returns after the detach sequence.
var errDetached = term.EscapeError{}

// isDetached reports whether err is the user detaching.
func isDetached(err error) bool {
	var e term.EscapeError
	return errors.As(err, &e)
}

// pipeStreams copies input to the connection and the connection to the
// outputs until the output ends, the user detaches (errDetached) or ctx ends.
// When input reaches EOF the connection is half-closed so the container sees
// EOF on its stdin and the output drains. Without input it is half-closed at
// once, like the reference: engines below API 1.30 otherwise keep the stream
// of an exited container open.
func pipeStreams(ctx context.Context, h *engine.Hijacked, s ioStreams) error {
	outDone := make(chan error, 1)
	go func() { outDone <- copyOutput(h, s) }()

	inDone := make(chan error, 1)
	if s.In == nil {
		_ = h.CloseWrite()
	} else {
		go func() {
			in := s.In
			if s.TTY && len(s.Keys) > 0 {
				in = term.NewEscapeProxy(in, s.Keys)
			}
			_, err := io.Copy(h.Conn, in)
			if isDetached(err) {
				inDone <- err
				return
			}
			_ = h.CloseWrite()
			inDone <- nil
		}()
	}

	select {
	case err := <-outDone:
		return err
	case err := <-inDone:
		if err != nil {
			return err
		}
		// Input ended first: the output still has to drain.
		select {
		case err := <-outDone:
			return err
		case <-ctx.Done():
			return ctx.Err()
		}
	case <-ctx.Done():
		return ctx.Err()
	}
}

// copyOutput copies the container's output: raw with a TTY, demultiplexed
// otherwise. Output goes out as it arrives (flushed after every read), in
// blocks of up to 32 KiB, so a large stream costs few writes.
func copyOutput(h *engine.Hijacked, s ioStreams) error {
	out, errw := s.Out, s.Err
	if out == nil {
		out = io.Discard
	}
	if errw == nil {
		errw = io.Discard
	}
	if !s.TTY {
		_, err := engine.StdCopier{Out: out, Err: errw, Live: true}.Copy(h.Reader)
		return ignoreClosed(err)
	}
	buf := make([]byte, 32*1024)
	for {
		n, err := h.Reader.Read(buf)
		if n > 0 {
			if _, werr := out.Write(buf[:n]); werr != nil {
				return werr
			}
			if f, ok := out.(interface{ Flush() error }); ok {
				if ferr := f.Flush(); ferr != nil {
					return ferr
				}
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return ignoreClosed(err)
		}
	}
}

// ignoreClosed treats the connection being closed under us (detach, cancel)
// as the end of the stream.
func ignoreClosed(err error) error {
	if err == nil || errors.Is(err, io.EOF) || errors.Is(err, os.ErrClosed) {
		return nil
	}
	return err
}

// detachKeys resolves the detach sequence: flag, then config, then default.
// It returns the string for the daemon ("" when the default applies) and
// the bytes for the client-side escape proxy.
func detachKeys(c *cli.CLI, flag string) (string, []byte) {
	spec := flag
	if spec == "" {
		spec = c.Config().DetachKeys
	}
	keys, err := term.ToBytes(spec)
	if spec == "" || err != nil {
		keys, _ = term.ToBytes(defaultDetachKeys)
	}
	return spec, keys
}

// setRawInput puts the input terminal in raw mode for an interactive TTY
// session and returns the function that restores it; it is safe to call
// the restore more than once.
func setRawInput(c *cli.CLI, tty, stdin bool) (restore func(), err error) {
	if !tty || !stdin || !c.In.IsTerminal() {
		return func() {}, nil
	}
	if err := c.In.SetRaw(); err != nil {
		return func() {}, err
	}
	return c.In.Restore, nil
}

// checkTTY is the reference's guard: -t with stdin needs a terminal on stdin.
func checkTTY(c *cli.CLI, attachStdin, tty bool) error {
	if tty && attachStdin && !c.In.IsTerminal() {
		return errors.New("the input device is not a TTY")
	}
	return nil
}

// resizer sends the terminal size to a container or an exec instance.
type resizer func(ctx context.Context, height, width uint) error

// initTTYSize sends the size now, retrying while the process is starting
// (up to 10 tries, 10 ms × n apart); then keeps it in sync on SIGWINCH until
// ctx ends. It does nothing when stdout is not a terminal.
func initTTYSize(ctx context.Context, c *cli.CLI, resize resizer) {
	if !c.Out.IsTerminal() {
		return
	}
	send := func() error {
		h, w := c.Out.Size()
		if h == 0 && w == 0 {
			return nil
		}
		return resize(ctx, h, w)
	}
	if err := send(); err != nil {
		go func() {
			var err error
			for n := 1; n <= 10; n++ {
				select {
				case <-time.After(time.Duration(n) * 10 * time.Millisecond):
				case <-ctx.Done():
					return
				}
				if err = send(); err == nil {
					return
				}
			}
			fmt.Fprintln(c.Err, "failed to resize tty, using default size")
			c.Err.Flush()
		}()
	}
	winch := make(chan os.Signal, 1)
	signal.Notify(winch, syscall.SIGWINCH)
	go func() {
		defer signal.Stop(winch)
		for {
			select {
			case <-winch:
				_ = send()
			case <-ctx.Done():
				return
			}
		}
	}()
}

// proxySignals forwards every signal the CLI receives to the container
// (POST /kill?signal=NAME) until the returned stop is called. While it runs
// the root handler leaves SIGINT/SIGTERM alone.
func proxySignals(ctx context.Context, c *cli.CLI, client *engine.Client, id string) (stop func()) {
	ch := make(chan os.Signal, 16)
	signal.Notify(ch)
	c.SetSignalsProxied(true)
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			select {
			case <-ctx.Done():
				return
			case s := <-ch:
				sig, ok := s.(syscall.Signal)
				if !ok || sig == syscall.SIGCHLD || sig == syscall.SIGPIPE || sig == syscall.SIGURG {
					continue
				}
				name := signalName(sig)
				if name == "" {
					continue
				}
				if err := client.ContainerKill(ctx, id, name); err != nil && ctx.Err() == nil {
					fmt.Fprintf(c.Err, "error sending signal: %v\n", err)
					c.Err.Flush()
				}
			}
		}
	}()
	return func() {
		signal.Stop(ch)
		cancel()
		<-done
		c.SetSignalsProxied(false)
	}
}

// signalName is the name the daemon accepts ("INT", "RTMIN+3").
func signalName(s syscall.Signal) string {
	if n, ok := signalNames[s]; ok {
		return n
	}
	const rtmin, rtmax = 34, 64
	switch {
	case s == rtmin:
		return "RTMIN"
	case s > rtmin && s < rtmax:
		return fmt.Sprintf("RTMIN+%d", int(s)-rtmin)
	case s == rtmax:
		return "RTMAX"
	}
	return ""
}

var signalNames = map[syscall.Signal]string{
	syscall.SIGABRT: "ABRT", syscall.SIGALRM: "ALRM", syscall.SIGBUS: "BUS",
	syscall.SIGCONT: "CONT", syscall.SIGFPE: "FPE", syscall.SIGHUP: "HUP",
	syscall.SIGILL: "ILL", syscall.SIGINT: "INT", syscall.SIGIO: "IO",
	syscall.SIGKILL: "KILL", syscall.SIGPROF: "PROF", syscall.SIGPWR: "PWR",
	syscall.SIGQUIT: "QUIT", syscall.SIGSEGV: "SEGV", syscall.SIGSTKFLT: "STKFLT",
	syscall.SIGSTOP: "STOP", syscall.SIGSYS: "SYS", syscall.SIGTERM: "TERM",
	syscall.SIGTRAP: "TRAP", syscall.SIGTSTP: "TSTP", syscall.SIGTTIN: "TTIN",
	syscall.SIGTTOU: "TTOU", syscall.SIGUSR1: "USR1", syscall.SIGUSR2: "USR2",
	syscall.SIGVTALRM: "VTALRM", syscall.SIGWINCH: "WINCH", syscall.SIGXCPU: "XCPU",
	syscall.SIGXFSZ: "XFSZ",
}
