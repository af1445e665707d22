//go:build e2e

package fault

import (
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/dockerclone/docker/e2e/e2etest"
)

// Each test here starts a command against the package's own daemon, kills
// the daemon (SIGKILL, as a crash) while the command is in the middle of its
// work, and checks the exit code and message against the reference's, that
// the command ends at once and that a terminal is restored.

// gone is how long a command may take to notice its daemon died.
const gone = 10 * time.Second

// Every container here stops within a second (--stop-timeout 1): a daemon
// restarted after a kill stops what its predecessor left running, and a
// shell as PID 1 ignores SIGTERM for the default 10 s.

// runOn runs the binary against the fault engine and requires success.
func runOn(t *testing.T, e *faultEngine, args ...string) e2etest.Result {
	t.Helper()
	r := e2etest.RunWith(t, e2etest.Options{Env: e.Env()}, args...)
	if r.Code != 0 {
		t.Fatalf("docker %s: %s", strings.Join(args, " "), r)
	}
	return r
}

func TestDaemonDiesDuringLogsFollow(t *testing.T) {
	e := engine(t)
	name := e2etest.UniqueName(t, "fault-logs")
	runOn(t, e, "run", "-d", "--name", name, "--network", "none", "--stop-timeout", "1", e2etest.Image, "sh", "-c", "while :; do echo tick; sleep 0.2; done")
	p := startBinary(t, e.Env(), "logs", "-f", name)
	p.waitFor("tick\n")
	e.kill(t)
	if code := p.exit(gone); code != 1 || p.stderrText() != "unexpected EOF\n" {
		t.Fatalf("exit %d, stderr %q; want 1, %q", code, p.stderrText(), "unexpected EOF\n")
	}
}

func TestDaemonDiesDuringPull(t *testing.T) {
	e := engine(t)
	stall, blobs := stallingRegistry(t)
	reg, _, _ := e2etest.Registry(t)
	writeAuths(t, reg, stall)
	repo := pullFixture(t, e, reg)
	p := startBinary(t, e.Env(), "pull", stall+"/"+repo)
	awaitBlob(t, blobs, p)
	e.kill(t)
	if code := p.exit(gone); code != 1 || p.stderrText() != "unexpected EOF\n" {
		t.Fatalf("exit %d, stderr %q; want 1, %q", code, p.stderrText(), "unexpected EOF\n")
	}
}

func TestDaemonDiesDuringPush(t *testing.T) {
	e := engine(t)
	stall, blobs := stallingRegistry(t)
	writeAuths(t, stall)
	ref := stall + "/" + e2etest.UniqueName(t, "e2e/fault-push") + ":1"
	runOn(t, e, "tag", e2etest.Image, ref)
	p := startBinary(t, e.Env(), "push", ref)
	awaitBlob(t, blobs, p)
	e.kill(t)
	if code := p.exit(gone); code != 1 || p.stderrText() != "unexpected EOF\n" {
		t.Fatalf("exit %d, stderr %q; want 1, %q", code, p.stderrText(), "unexpected EOF\n")
	}
}

func TestDaemonDiesDuringStop(t *testing.T) {
	e := engine(t)
	name := e2etest.UniqueName(t, "fault-stop")
	runOn(t, e, "run", "-d", "--name", name, "--network", "none", "--stop-timeout", "1", e2etest.Image, "sh", "-c", `trap "" TERM; while :; do sleep 0.1; done`)
	p := startBinary(t, e.Env(), "stop", "-t", "30", name)
	time.Sleep(time.Second) // the daemon is now waiting out the 30 s
	e.kill(t)
	want := regexp.MustCompile(`^error during connect: Post "http://` + regexp.QuoteMeta(strings.ReplaceAll(e.sock, "/", "%2F")) +
		`/v1\.\d+/containers/` + name + `/stop\?t=30": EOF` + "\n$")
	if code := p.exit(gone); code != 1 || !want.MatchString(p.stderrText()) {
		t.Fatalf("exit %d, stderr %q; want 1, %s", code, p.stderrText(), want)
	}
}

func TestDaemonDiesDuringRunTTY(t *testing.T) {
	e := engine(t)
	tm := e2etest.StartTerminal(t, e.Env(), "", "run", "-it", "--rm", "--network", "none", "--stop-timeout", "1", e2etest.Image, "sh")
	tm.Expect(`/ # `)
	tm.Send("echo he''llo\r")
	tm.Expect("hello\r\n")
	e.kill(t)
	if code := tm.Wait(gone); code != 125 {
		t.Fatalf("exit %d, want 125:\n%q", code, tm.Output())
	}
	if !regexp.MustCompile(`time="[^"]+" level=error msg="error waiting for container: unexpected EOF"\r?\n$`).MatchString(tm.Output()) {
		t.Errorf("terminal shows %q", tm.Output())
	}
	if !tm.Restored() {
		t.Error("terminal left in raw mode")
	}
}

func TestDaemonDiesDuringAttach(t *testing.T) {
	e := engine(t)
	name := e2etest.UniqueName(t, "fault-attach")
	runOn(t, e, "run", "-dit", "--name", name, "--network", "none", "--stop-timeout", "1", e2etest.Image, "sh")
	tm := e2etest.StartTerminal(t, e.Env(), "", "attach", name)
	time.Sleep(300 * time.Millisecond)
	tm.Send("echo he''llo\r")
	tm.Expect("hello\r\n")
	tm.Expect(`# `) // the next prompt, so the daemon dies with nothing in flight
	e.kill(t)
	// The wait's error, bare: "unexpected EOF" right after the prompt.
	if code := tm.Wait(gone); code != 1 || !regexp.MustCompile(`(# |\x1b\[6n)unexpected EOF\r\n$`).MatchString(tm.Output()) {
		t.Fatalf("exit %d, want 1 and unexpected EOF:\n%q", code, tm.Output())
	}
	if !tm.Restored() {
		t.Error("terminal left in raw mode")
	}
}

func TestDaemonDiesDuringExecTTY(t *testing.T) {
	e := engine(t)
	name := e2etest.UniqueName(t, "fault-exec")
	runOn(t, e, "run", "-d", "--name", name, "--network", "none", "--stop-timeout", "1", e2etest.Image, "sleep", "600")
	tm := e2etest.StartTerminal(t, e.Env(), "", "exec", "-it", name, "sh")
	tm.Expect(`/ # `)
	tm.Send("echo he''llo\r")
	tm.Expect("hello\r\n")
	e.kill(t)
	// As with the reference: 255 and not a word.
	// (ash asks for the cursor position, ESC[6n, after its prompt.)
	if code := tm.Wait(gone); code != 255 || !strings.HasSuffix(strings.TrimSuffix(tm.Output(), "\x1b[6n"), "hello\r\n/ # ") {
		t.Fatalf("exit %d, want 255 and no message:\n%q", code, tm.Output())
	}
	if !tm.Restored() {
		t.Error("terminal left in raw mode")
	}
}

// `run -it` put in the background of an interactive shell touches the
// terminal from the background. The reference then retries raw mode for
// ever (100% CPU, deaf to SIGTERM) and with the daemon gone we printed a
// line per signal (400,000 in 45 s). Now it is stopped by job control, says
// nothing, costs nothing, and SIGTERM ends it.
func TestDaemonDiesUnderBackgroundRun(t *testing.T) {
	e := engine(t)
	bin, err := e2etest.Binary()
	if err != nil {
		t.Fatal(err)
	}
	errFile := filepath.Join(t.TempDir(), "stderr")
	tm := e2etest.StartTerminal(t, append(e.Env(), "PS1=$ ", "HISTFILE=/dev/null"), "bash", "--norc", "--noprofile", "-i")
	tm.Expect(`\$ `)
	tm.Send(bin + " run -it --rm --network none --stop-timeout 1 " + e2etest.Image + " sh 2>" + errFile + " & echo PID=$!\r")
	pid, _ := strconv.Atoi(strings.TrimPrefix(tm.Expect(`PID=\d+`), "PID="))
	t.Cleanup(func() { _ = syscall.Kill(pid, syscall.SIGKILL) })
	time.Sleep(time.Second) // created, attached, waiting for the foreground
	e.kill(t)
	time.Sleep(time.Second)
	before := cpuTime(pid)
	time.Sleep(2 * time.Second)
	if used := cpuTime(pid) - before; procState(pid) == "" || used > 200*time.Millisecond {
		t.Fatalf("state %q, %v of CPU in 2 s", procState(pid), used)
	}
	if b, _ := os.ReadFile(errFile); strings.Count(string(b), "\n") > 2 {
		t.Fatalf("stderr has %d lines: %.300q", strings.Count(string(b), "\n"), b)
	}
	// What a shell's `kill %1` does to a stopped job.
	_ = syscall.Kill(pid, syscall.SIGTERM)
	_ = syscall.Kill(pid, syscall.SIGCONT)
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if st := procState(pid); st == "" || st == "Z" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("SIGTERM ignored: state %q", procState(pid))
		}
	}
	b, _ := os.ReadFile(errFile)
	e2etest.Record(t, "--- stderr:\n"+string(b))
}

// awaitBlob waits until the stalling registry holds a blob request: the
// pull or push is under way.
func awaitBlob(t *testing.T, blobs <-chan struct{}, p *proc) {
	t.Helper()
	select {
	case <-blobs:
	case <-p.Exited:
		t.Fatalf("exited %d before fetching a blob:\n%s", p.Code, p.output())
	case <-time.After(30 * time.Second):
		t.Fatalf("no blob request:\n%s", p.output())
	}
}

// pullFixture makes sure the registry has an image the fault engine has
// not (the fixture with a label of its own, so its own config blob) and
// returns its repository:tag.
func pullFixture(t *testing.T, e *faultEngine, reg string) string {
	t.Helper()
	const repo = "e2e/fault-pull:latest"
	_, user, pass := e2etest.Registry(t)
	req, _ := http.NewRequest(http.MethodHead, "http://"+reg+"/v2/e2e/fault-pull/manifests/latest", nil)
	req.SetBasicAuth(user, pass)
	req.Header.Set("Accept", "application/vnd.docker.distribution.manifest.v2+json")
	if resp, err := http.DefaultClient.Do(req); err == nil {
		resp.Body.Close()
		if resp.StatusCode == http.StatusOK {
			_, _, _ = e.do(http.MethodDelete, "/images/"+reg+"/"+repo+"?force=1", nil)
			return repo
		}
	}
	name := e2etest.UniqueName(t, "fault-pullsrc")
	runOn(t, e, "create", "--name", name, e2etest.Image, "true")
	runOn(t, e, "commit", "--change", "LABEL dockerclone.fault=pull", name, reg+"/"+repo)
	runOn(t, e, "push", reg+"/"+repo)
	runOn(t, e, "rm", name)
	runOn(t, e, "rmi", reg+"/"+repo)
	return repo
}
