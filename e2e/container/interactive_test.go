//go:build e2e

package container

import (
	"bytes"
	"encoding/json"
	"net/http"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/creack/pty"

	"github.com/dockerclone/docker/e2e/e2etest"
)

// terminal runs the binary on a real pseudo-terminal.
type terminal struct {
	t        *testing.T
	ptmx     *os.File // our side
	tty      *os.File // the binary's stdin/stdout/stderr
	cmd      *exec.Cmd
	mu       sync.Mutex
	out      bytes.Buffer
	seen     int // output already matched by expect
	exited   chan struct{}
	exitCode int
	initial  string // stty -g before the binary started: what it must restore
}

func startTerminal(t *testing.T, rows, cols uint16, args ...string) *terminal {
	t.Helper()
	bin, err := e2etest.Binary()
	if err != nil {
		t.Fatal(err)
	}
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ptmx.Close(); tty.Close() })
	if err := pty.Setsize(ptmx, &pty.Winsize{Rows: rows, Cols: cols}); err != nil {
		t.Fatal(err)
	}
	term := &terminal{t: t, ptmx: ptmx, tty: tty, exited: make(chan struct{})}
	term.cmd = exec.Command(bin, args...)
	term.cmd.Env = append(os.Environ(), "DOCKER_CONFIG="+e2etest.ConfigDir(t))
	term.cmd.Stdin, term.cmd.Stdout, term.cmd.Stderr = tty, tty, tty
	term.cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true}
	// Read before the start: a fast binary may already have made it raw.
	term.initial = term.settings()
	if err := term.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		buf := make([]byte, 4096)
		for {
			n, err := ptmx.Read(buf)
			term.mu.Lock()
			term.out.Write(buf[:n])
			term.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	go func() {
		_ = term.cmd.Wait()
		term.exitCode = term.cmd.ProcessState.ExitCode()
		close(term.exited)
	}()
	t.Cleanup(func() {
		select {
		case <-term.exited:
		default:
			_ = term.cmd.Process.Kill()
			<-term.exited
		}
	})
	return term
}

// expect waits for output matching re after what earlier calls matched.
func (term *terminal) expect(re string) {
	term.t.Helper()
	rx := regexp.MustCompile(re)
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		term.mu.Lock()
		rest := term.out.Bytes()[term.seen:]
		loc := rx.FindIndex(rest)
		if loc != nil {
			term.seen += loc[1]
		}
		term.mu.Unlock()
		if loc != nil {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	term.mu.Lock()
	defer term.mu.Unlock()
	term.t.Fatalf("no output matching %q; terminal shows %q", re, term.out.String())
}

func (term *terminal) send(s string) {
	term.t.Helper()
	if _, err := term.ptmx.WriteString(s); err != nil {
		term.t.Fatal(err)
	}
}

// wait returns the exit code once the binary has exited.
func (term *terminal) wait() int {
	term.t.Helper()
	select {
	case <-term.exited:
		return term.exitCode
	case <-time.After(30 * time.Second):
		term.mu.Lock()
		defer term.mu.Unlock()
		term.t.Fatalf("still running; terminal shows %q", term.out.String())
		return 0
	}
}

// settings is `stty -g` of the terminal: raw mode must be undone on exit.
func (term *terminal) settings() string {
	term.t.Helper()
	cmd := exec.Command("stty", "-g")
	cmd.Stdin = term.tty
	out, err := cmd.Output()
	if err != nil {
		term.t.Fatalf("stty -g: %v", err)
	}
	return string(out)
}

func containerRunning(t *testing.T, name string) bool {
	t.Helper()
	_, body := e2etest.API(t, http.MethodGet, "/containers/"+name+"/json", nil)
	var st struct{ State struct{ Running bool } }
	if err := json.Unmarshal(body, &st); err != nil {
		t.Fatalf("inspect %s: %v: %s", name, err, body)
	}
	return st.State.Running
}

func TestInteractiveTTYDetachAndAttach(t *testing.T) {
	name := e2etest.ContainerName(t, "hx-tty")
	term := startTerminal(t, 24, 80, "run", "-it", "--name", name, "--network", "none", e2etest.Image, "sh")
	before := term.initial
	term.expect(`/ # `)
	term.send("echo hel''lo\r")
	term.expect(`hello\r\n`)
	term.send("stty size\r")
	term.expect(`24 80\r\n`)

	// The kernel sends SIGWINCH to the terminal's foreground process: docker.
	if err := pty.Setsize(term.ptmx, &pty.Winsize{Rows: 30, Cols: 100}); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)
	term.send("stty size\r")
	term.expect(`30 100\r\n`)

	term.send("\x10\x11") // ctrl-p ctrl-q
	if code := term.wait(); code != 0 {
		t.Fatalf("detach: exit %d, want 0", code)
	}
	if after := term.settings(); after != before {
		t.Errorf("terminal settings not restored after detach:\nbefore %s\nafter  %s", before, after)
	}
	if !containerRunning(t, name) {
		t.Fatal("container stopped after detach")
	}

	term = startTerminal(t, 24, 80, "attach", name)
	before = term.initial
	time.Sleep(300 * time.Millisecond)
	term.send("echo again\r")
	term.expect(`again\r\n`)
	term.send("exit 3\r")
	if code := term.wait(); code != 3 {
		t.Fatalf("attach: exit %d, want the shell's 3", code)
	}
	if after := term.settings(); after != before {
		t.Errorf("terminal settings not restored after attach:\nbefore %s\nafter  %s", before, after)
	}
}

func TestInteractiveExecTTY(t *testing.T) {
	name := e2etest.ContainerName(t, "hx-exectty")
	e2etest.RunOK(t, "run", "-d", "--name", name, "--network", "none", e2etest.Image, "sleep", "300")
	term := startTerminal(t, 33, 111, "exec", "-it", name, "sh")
	before := term.initial
	term.expect(`# `)
	term.send("stty size; exit 7\r")
	term.expect(`33 111\r\n`)
	if code := term.wait(); code != 7 {
		t.Fatalf("exec -it: exit %d, want 7", code)
	}
	if after := term.settings(); after != before {
		t.Errorf("terminal settings not restored:\nbefore %s\nafter  %s", before, after)
	}
}

// Ctrl-C without -t is a SIGINT to docker, which forwards it to the container.
func TestInteractiveCtrlCStopsNonTTYRun(t *testing.T) {
	name := e2etest.ContainerName(t, "hx-sigint")
	term := startTerminal(t, 24, 80, "run", "--rm", "--init", "--name", name, "--network", "none",
		e2etest.Image, "sh", "-c", "echo ready; exec sleep 100")
	term.expect(`ready`)
	term.send("\x03")
	if code := term.wait(); code != 130 {
		t.Fatalf("exit %d, want 130 (the container's SIGINT death)", code)
	}
}

func TestInteractiveTTYOutputNotDemultiplexed(t *testing.T) {
	term := startTerminal(t, 24, 80, "run", "--rm", "-t", "--network", "none", e2etest.Image,
		"sh", "-c", "echo to-out; echo to-err >&2; exit 2")
	term.expect(`to-out\r+\n`) // the local terminal is not raw without -i: \n becomes \r\n again
	term.expect(`to-err\r+\n`)
	if code := term.wait(); code != 2 {
		t.Fatalf("exit %d, want 2", code)
	}
	term.mu.Lock()
	defer term.mu.Unlock()
	if strings.ContainsRune(term.out.String(), '\x01') {
		t.Errorf("stdcopy headers leaked into TTY output: %q", term.out.String())
	}
}
