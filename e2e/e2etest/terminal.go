package e2etest

import (
	"bytes"
	"os"
	"reflect"
	"regexp"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/creack/pty"
	"github.com/moby/term"
)

// Terminal is a program running on a pseudo-terminal of its own, as the
// leader of a new session with that terminal as its controlling one: what a
// user at a terminal runs.
type Terminal struct {
	*Process
	t       testing.TB
	ptmx    *os.File    // our side
	tty     *os.File    // the program's stdin, stdout and stderr
	initial *term.State // the terminal before the program started

	mu   sync.Mutex
	out  bytes.Buffer
	seen int // output already matched by Expect
}

// StartTerminal runs prog (the binary under test when "") with args on a
// new 24x80 terminal, with the test's DOCKER_CONFIG and env added last.
func StartTerminal(t testing.TB, env []string, prog string, args ...string) *Terminal {
	t.Helper()
	return StartTerminalSize(t, 24, 80, env, prog, args...)
}

// StartTerminalSize is StartTerminal on a terminal of rows x cols. The
// program is killed, if still running, when the test ends; what it printed
// is recorded for the secret check.
func StartTerminalSize(t testing.TB, rows, cols uint16, env []string, prog string, args ...string) *Terminal {
	t.Helper()
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Fatal(err)
	}
	tm := &Terminal{t: t, ptmx: ptmx, tty: tty}
	tm.Resize(rows, cols)
	if tm.initial, err = term.SaveState(tty.Fd()); err != nil {
		t.Fatal(err)
	}
	cmd := Command(t, env, prog, args...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = tty, tty, tty
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true}
	tm.Process = Start(t, cmd, func() {
		Record(t, "--- terminal:\n"+tm.Output())
		ptmx.Close()
		tty.Close()
	})
	go tm.read()
	return tm
}

// Resize sets the terminal's size; the kernel tells the program with a
// SIGWINCH when it is the terminal's foreground process.
func (tm *Terminal) Resize(rows, cols uint16) {
	tm.t.Helper()
	if err := pty.Setsize(tm.ptmx, &pty.Winsize{Rows: rows, Cols: cols}); err != nil {
		tm.t.Fatal(err)
	}
}

func (tm *Terminal) read() {
	buf := make([]byte, 4096)
	for {
		n, err := tm.ptmx.Read(buf)
		tm.mu.Lock()
		tm.out.Write(buf[:n])
		tm.mu.Unlock()
		if err != nil {
			return
		}
	}
}

// Output is everything shown on the terminal so far.
func (tm *Terminal) Output() string {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return tm.out.String()
}

// Expect waits up to 20 s for output matching re after what earlier calls
// matched, and returns the match.
func (tm *Terminal) Expect(re string) string {
	tm.t.Helper()
	rx := regexp.MustCompile(re)
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		tm.mu.Lock()
		rest := tm.out.Bytes()[tm.seen:]
		loc := rx.FindIndex(rest)
		var m string
		if loc != nil {
			m = string(rest[loc[0]:loc[1]])
			tm.seen += loc[1]
		}
		tm.mu.Unlock()
		if loc != nil {
			return m
		}
	}
	tm.t.Fatalf("no output matching %q; the terminal shows %q", re, tm.Output())
	return ""
}

// Send types s.
func (tm *Terminal) Send(s string) {
	tm.t.Helper()
	if _, err := tm.ptmx.WriteString(s); err != nil {
		tm.t.Fatal(err)
	}
}

// Wait returns the exit code, failing the test if the program is still
// running after d. The output the program left on the terminal is read
// before it returns.
func (tm *Terminal) Wait(d time.Duration) int {
	tm.t.Helper()
	select {
	case <-tm.Exited:
		// The terminal stays open on our side, so its end is no EOF:
		// what was written last is in once nothing new comes for a while.
		for n, i := -1, 0; i < 50; i++ {
			tm.mu.Lock()
			l := tm.out.Len()
			tm.mu.Unlock()
			if l == n {
				break
			}
			n = l
			time.Sleep(50 * time.Millisecond)
		}
		return tm.Code
	case <-time.After(d):
		tm.t.Fatalf("still running after %s; the terminal shows %q", d, tm.Output())
		return 0
	}
}

// Restored reports whether the terminal's settings are back to what they
// were before the program started (raw mode undone).
func (tm *Terminal) Restored() bool {
	now, err := term.SaveState(tm.tty.Fd())
	return err == nil && reflect.DeepEqual(now, tm.initial)
}

// Signal sends sig to the program.
func (tm *Terminal) Signal(sig os.Signal) {
	tm.t.Helper()
	if err := tm.Cmd.Process.Signal(sig); err != nil {
		tm.t.Fatal(err)
	}
}
