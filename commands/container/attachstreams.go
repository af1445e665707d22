package container

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
	"unsafe"

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
			if t, ok := in.(*cli.In); ok && t.IsTerminal() {
				in = foregroundInput{ctx, t}
			}
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
// the restore more than once. In the background of its terminal it first
// waits to be brought to the foreground (see awaitForeground).
func setRawInput(ctx context.Context, c *cli.CLI, tty, stdin bool) (restore func(), err error) {
	if !tty || !stdin || !c.In.IsTerminal() {
		return func() {}, nil
	}
	if err := awaitForeground(ctx, c.In.FD()); err != nil {
		return func() {}, err
	}
	if err := c.In.SetRaw(); err != nil {
		return func() {}, err
	}
	return c.In.Restore, nil
}

// awaitForeground returns once the process group is the terminal's
// foreground group (or the terminal cannot tell), or with ctx's error.
// Until then the process stops itself with SIGTTOU, as the kernel stops a
// background job that touches its terminal, and looks again when continued
// (after a pause in which a pending SIGTERM is acted on). Changing the
// terminal from the background would instead draw SIGTTOU on every try: the
// reference spins there, deaf to SIGTERM.
func awaitForeground(ctx context.Context, fd uintptr) error {
	for {
		var fg int32
		_, _, errno := syscall.Syscall(syscall.SYS_IOCTL, fd, syscall.TIOCGPGRP, uintptr(unsafe.Pointer(&fg)))
		if errno != 0 || int(fg) == syscall.Getpgrp() {
			return nil
		}
		// While a signal is being forwarded (a SIGTERM that came with the
		// SIGCONT of `kill %1`) the process stays up: if the daemon is
		// gone, that signal ends the command and must not find it stopped.
		// An orphaned process group is not stopped either: this then polls.
		if forwarding.Load() == 0 {
			_ = syscall.Kill(-syscall.Getpgrp(), syscall.SIGTTOU)
		}
		// Two pauses: the first may end the moment the process is
		// continued (its timer ran out while stopped), the second gives a
		// signal that came with SIGCONT time to cancel ctx.
		for range 2 {
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(150 * time.Millisecond):
			}
		}
	}
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

// foregroundInput reads a terminal only while the process is in its
// foreground: a read from the background would be stopped by SIGTTIN and
// retried at once on every SIGCONT, leaving no moment to act on a SIGTERM.
type foregroundInput struct {
	ctx context.Context
	in  *cli.In
}

func (f foregroundInput) Read(p []byte) (int, error) {
	if err := awaitForeground(f.ctx, f.in.FD()); err != nil {
		return 0, err
	}
	return f.in.Read(p)
}

// proxySignals forwards the signals the CLI receives to the container
// (POST /kill?signal=NAME) until the returned stop is called. While it runs
// the root handler leaves SIGINT/SIGTERM alone.
//
// A failed forward prints nothing, as with the reference. But when the
// daemon is gone, SIGINT and SIGTERM cannot reach the container, so they are
// handed back to the CLI: forwarding stops and the signal is raised again for
// the root handler, which ends the command (exit 128+signal).
func proxySignals(ctx context.Context, c *cli.CLI, client *engine.Client, id string) (stop func()) {
	ch := make(chan os.Signal, 16)
	signal.Notify(ch, forwardedSignals()...)
	c.SetSignalsProxied(true)
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	var once sync.Once
	release := func() {
		once.Do(func() {
			signal.Stop(ch)
			c.SetSignalsProxied(false)
		})
	}
	go func() {
		defer close(done)
		for {
			select {
			case <-ctx.Done():
				return
			case s := <-ch:
				sig := s.(syscall.Signal)
				forwarding.Add(1)
				err := client.ContainerKill(ctx, id, signalName(sig))
				if err != nil && ctx.Err() == nil && engine.IsConnectionFailed(err) &&
					(sig == syscall.SIGINT || sig == syscall.SIGTERM) {
					release()
					_ = syscall.Kill(os.Getpid(), sig) // the end: forwarding stays up
					return
				}
				forwarding.Add(-1)
			}
		}
	}()
	return func() {
		release()
		cancel()
		<-done
	}
}

// forwarding counts the signals being forwarded to the container right
// now (process-wide, as signals are): see awaitForeground.
var forwarding atomic.Int32

// forwardedSignals are the signals proxied to a container: all that can be
// caught and named, except SIGCHLD, SIGPIPE, SIGURG (the Go runtime's) and
// the terminal's job-control SIGTTIN/SIGTTOU, which concern the CLI's own
// use of its terminal (caught, a background read or raw mode retried for
// ever).
func forwardedSignals() []os.Signal {
	var out []os.Signal
	for sig := syscall.Signal(1); sig <= 64; sig++ {
		switch sig {
		case syscall.SIGKILL, syscall.SIGSTOP, syscall.SIGCHLD, syscall.SIGPIPE, syscall.SIGURG, syscall.SIGTTIN, syscall.SIGTTOU:
			continue
		}
		if signalName(sig) != "" {
			out = append(out, sig)
		}
	}
	return out
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
