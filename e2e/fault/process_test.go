//go:build e2e

package fault

import (
	"bytes"
	"os"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dockerclone/docker/e2e/e2etest"
)

// proc is the binary running in the background of a test, its output
// watched as it comes.
type proc struct {
	*e2etest.Process
	t      *testing.T
	mu     sync.Mutex
	out    bytes.Buffer // stdout and stderr, interleaved
	stderr bytes.Buffer
}

type lockedWriter struct {
	p  *proc
	bs []*bytes.Buffer
}

func (w lockedWriter) Write(b []byte) (int, error) {
	w.p.mu.Lock()
	defer w.p.mu.Unlock()
	for _, buf := range w.bs {
		buf.Write(b)
	}
	return len(b), nil
}

// startBinary runs the binary with args and env added to the test's own.
func startBinary(t *testing.T, env []string, args ...string) *proc {
	t.Helper()
	p := &proc{t: t}
	cmd := e2etest.Command(t, env, "", args...)
	cmd.Stdout = lockedWriter{p, []*bytes.Buffer{&p.out}}
	cmd.Stderr = lockedWriter{p, []*bytes.Buffer{&p.out, &p.stderr}}
	p.Process = e2etest.Start(t, cmd, func() { e2etest.Record(t, "--- output:\n"+p.output()) })
	return p
}

func (p *proc) output() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.out.String()
}

func (p *proc) stderrText() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.stderr.String()
}

// waitFor waits up to 30 s for output matching re.
func (p *proc) waitFor(re string) {
	p.t.Helper()
	rx := regexp.MustCompile(re)
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if rx.MatchString(p.output()) {
			return
		}
		select {
		case <-p.Exited:
			p.t.Fatalf("exited %d before printing %q:\n%s", p.Code, re, p.output())
		default:
		}
	}
	p.t.Fatalf("no output matching %q:\n%s", re, p.output())
}

// exit returns the exit code, failing the test if the binary still runs
// after d: a command whose daemon is gone must end, not hang or spin.
func (p *proc) exit(d time.Duration) int {
	p.t.Helper()
	select {
	case <-p.Exited:
		return p.Code
	case <-time.After(d):
		p.t.Fatalf("still running %s after the daemon died (cpu %v):\n%s", d, cpuTime(p.Cmd.Process.Pid), p.output())
		return 0
	}
}

// cpuTime is the CPU a process has used (user + system), from /proc.
func cpuTime(pid int) time.Duration {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return -1
	}
	// Fields after the command name (which may hold spaces) start at ") ".
	f := strings.Fields(string(b[bytes.LastIndexByte(b, ')')+2:]))
	utime, _ := strconv.Atoi(f[11])
	stime, _ := strconv.Atoi(f[12])
	return time.Duration(utime+stime) * 10 * time.Millisecond // USER_HZ is 100 on Linux
}

// procState is the state letter of a process (R running, S sleeping, T
// stopped, Z zombie), "" when it is gone.
func procState(pid int) string {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return ""
	}
	return string(b[bytes.LastIndexByte(b, ')')+2])
}
