//go:build e2e

// Package fault holds end-to-end tests of what happens when things break:
// the daemon killed in the middle of a command, a socket the user may not
// open, an interrupted prompt, many writers of one config.json.
//
// The tests that kill a daemon kill their own: a throwaway dockerd with its
// own state (under $E2E_STATE/fault), socket and containerd namespace,
// started on first use, restarted after each kill and stopped when the
// package is done. The e2e engine other packages share is only read from
// (the fixture image) and never touched.
package fault

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/dockerclone/docker/e2e/e2etest"
)

func TestMain(m *testing.M) {
	e2etest.Main(m, stopEngine)
}

// faultEngine is the package's own dockerd.
type faultEngine struct {
	dir, sock string
	cmd       *exec.Cmd
	exited    chan struct{}
}

var (
	engineMu  sync.Mutex
	theEngine *faultEngine
)

// engine returns the package's dockerd, started (or restarted) if needed.
func engine(t *testing.T) *faultEngine {
	t.Helper()
	engineMu.Lock()
	defer engineMu.Unlock()
	if theEngine == nil {
		state := os.Getenv("E2E_STATE")
		if state == "" {
			state = filepath.Join(os.TempDir(), "dockerclone-engine")
		}
		dir := filepath.Join(state, "fault")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		theEngine = &faultEngine{dir: dir, sock: filepath.Join(dir, "docker.sock")}
	}
	if !theEngine.running() {
		if err := theEngine.start(); err != nil {
			t.Fatal(err)
		}
		theEngine.loadFixture(t)
	}
	return theEngine
}

// Host is the engine's DOCKER_HOST.
func (e *faultEngine) Host() string { return "unix://" + e.sock }

// Env points the binary at this engine.
func (e *faultEngine) Env() []string { return []string{"DOCKER_HOST=" + e.Host()} }

func (e *faultEngine) running() bool {
	if e.cmd == nil {
		return false
	}
	select {
	case <-e.exited:
		return false
	default:
		return true
	}
}

func (e *faultEngine) start() error {
	if _, err := exec.LookPath("dockerd"); err != nil {
		return fmt.Errorf("dockerd not installed: run make engine")
	}
	cfg := filepath.Join(e.dir, "daemon.json")
	if err := os.WriteFile(cfg, []byte("{}"), 0o644); err != nil {
		return err
	}
	os.Remove(filepath.Join(e.dir, "docker.pid")) // left by a kill
	logf, err := os.OpenFile(filepath.Join(e.dir, "dockerd.log"), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return err
	}
	e.cmd = exec.Command("dockerd", "--config-file", cfg, "--host", e.Host(),
		"--data-root", filepath.Join(e.dir, "data"), "--exec-root", filepath.Join(e.dir, "exec"),
		"--pidfile", filepath.Join(e.dir, "docker.pid"),
		"--containerd-namespace", "dockerclone-fault", "--containerd-plugins-namespace", "dockerclone-fault-plugins",
		// The e2e engine's bridge, never --bridge=none (see e2etest.Bridge);
		// the tests' containers have no network.
		"--bridge", e2etest.Bridge(), "--iptables=false", "--ip-masq=false")
	e.cmd.Stdout, e.cmd.Stderr = logf, logf
	e.cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := e.cmd.Start(); err != nil {
		logf.Close()
		return err
	}
	logf.Close()
	e.exited = make(chan struct{})
	go func(cmd *exec.Cmd, exited chan struct{}) { _ = cmd.Wait(); close(exited) }(e.cmd, e.exited)
	for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline); time.Sleep(200 * time.Millisecond) {
		if code, _, err := e.do(http.MethodGet, "/_ping", nil); err == nil && code == http.StatusOK {
			return nil
		}
		if !e.running() {
			break
		}
	}
	log, _ := os.ReadFile(filepath.Join(e.dir, "dockerd.log"))
	return fmt.Errorf("fault dockerd did not come up:\n%s", tail(string(log), 2000))
}

// kill ends the daemon as a crash would (SIGKILL) and waits until it is gone.
func (e *faultEngine) kill(t *testing.T) {
	t.Helper()
	engineMu.Lock()
	defer engineMu.Unlock()
	if !e.running() {
		return
	}
	_ = e.cmd.Process.Kill()
	select {
	case <-e.exited:
	case <-time.After(30 * time.Second):
		t.Fatal("dockerd survived SIGKILL")
	}
	// Its containerd goes with it, but not at once: a daemon started while
	// it lingers would take it for a live one and wait for it in vain.
	b, _ := os.ReadFile(filepath.Join(e.dir, "exec", "containerd", "containerd.pid"))
	if pid, err := strconv.Atoi(strings.TrimSpace(string(b))); err == nil && pid > 0 {
		start := time.Now()
		for deadline := start.Add(20 * time.Second); isContainerd(pid) && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
			if procState(pid) != "Z" && time.Since(start) > 5*time.Second {
				_ = syscall.Kill(pid, syscall.SIGKILL)
			}
		}
	}
}

// isContainerd reports whether pid is still a containerd, a zombie that
// init has yet to reap included: dockerd counts those as running.
func isContainerd(pid int) bool {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	return err == nil && strings.Contains(string(b), "(containerd)")
}

// stopEngine removes the package's containers and stops its daemon.
func stopEngine() {
	engineMu.Lock()
	defer engineMu.Unlock()
	e := theEngine
	if e == nil || !e.running() {
		return
	}
	if _, body, err := e.do(http.MethodGet, "/containers/json?all=1", nil); err == nil {
		for _, id := range jsonIDs(body) {
			_, _, _ = e.do(http.MethodDelete, "/containers/"+id+"?force=1&v=1", nil)
		}
	}
	_ = e.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-e.exited:
	case <-time.After(30 * time.Second):
		_ = e.cmd.Process.Kill()
		<-e.exited
	}
}

// do sends one request to the daemon directly (not through the binary).
func (e *faultEngine) do(method, path string, body io.Reader) (int, []byte, error) {
	client, base, err := e2etest.EngineClient("unix://"+e.sock, 2*time.Minute)
	if err != nil {
		return 0, nil, err
	}
	return e2etest.Send(context.Background(), client, method, base+path, body, "application/x-tar")
}

// loadFixture copies the fixture image from the e2e engine (once: the data
// root outlives restarts and runs).
func (e *faultEngine) loadFixture(t *testing.T) {
	t.Helper()
	if code, _, err := e.do(http.MethodGet, "/images/"+e2etest.Image+"/json", nil); err == nil && code == http.StatusOK {
		return
	}
	code, tarball := e2etest.API(t, http.MethodGet, "/images/get?names="+e2etest.Image, nil)
	if code != http.StatusOK {
		t.Fatalf("export of the fixture from the e2e engine: %d", code)
	}
	code, body, err := e.do(http.MethodPost, "/images/load?quiet=1", strings.NewReader(string(tarball)))
	if err != nil || code != http.StatusOK || strings.Contains(string(body), `"error"`) {
		t.Fatalf("load of the fixture: %d %v %s", code, err, body)
	}
}

// jsonIDs picks the "Id" values out of a container list.
func jsonIDs(body []byte) []string {
	var ids []string
	for _, part := range strings.Split(string(body), `"Id":"`)[1:] {
		if i := strings.IndexByte(part, '"'); i > 0 {
			ids = append(ids, part[:i])
		}
	}
	return ids
}

func tail(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}
