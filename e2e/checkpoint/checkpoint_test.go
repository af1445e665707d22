//go:build e2e

package checkpoint

import (
	"context"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/dockerclone/docker/e2e/e2etest"
)

func TestCheckpointRefusedWithoutExperimental(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"checkpoint", "ls", "x"}, "docker checkpoint ls is only supported on a Docker daemon with experimental features enabled\n"},
		// The refusal comes before the argument count is checked.
		{[]string{"checkpoint", "create", "x"}, "docker checkpoint create is only supported on a Docker daemon with experimental features enabled\n"},
		{[]string{"start", "--checkpoint", "c", "--checkpoint-dir", "/tmp/x", "x"},
			"\"--checkpoint\" is only supported on a Docker daemon with experimental features enabled\n" +
				"\"--checkpoint-dir\" is only supported on a Docker daemon with experimental features enabled\n"},
	}
	if e2etest.Experimental() {
		// The engine says experimental (Podman always does): nothing is
		// refused, the engine answers.
		tests[0].want = e2etest.DaemonError(t, http.MethodGet, "/containers/x/checkpoints") + "\n"
		tests[1].want = "docker: 'docker checkpoint create' requires 2 arguments\n\nUsage:  docker checkpoint create [OPTIONS] CONTAINER CHECKPOINT\n\nRun 'docker checkpoint create --help' for more information\n"
		tests[2].want = e2etest.DaemonError(t, http.MethodPost, "/containers/x/start?checkpoint=c&checkpoint-dir=%2Ftmp%2Fx") + "\n"
	}
	for _, tt := range tests {
		r := e2etest.Run(t, tt.args...)
		if r.Code != 1 || r.Stderr != tt.want {
			t.Errorf("%v: %s", tt.args, r)
		}
	}
}

// startExperimental runs a private dockerd with --experimental on a unix
// socket, with the fixture image loaded, and returns its DOCKER_HOST.
func startExperimental(t *testing.T) string {
	dir, err := os.MkdirTemp("/tmp", "fx-ck-")
	if err != nil {
		t.Fatal(err)
	}
	sock := filepath.Join(dir, "d.sock")
	base := filepath.Base(dir)
	// Ended with SIGTERM when the test is done, killed 30s later.
	ctx, stop := context.WithCancel(context.Background())
	cmd := exec.CommandContext(ctx, "dockerd", "--experimental", "-H", "unix://"+sock,
		"--data-root", filepath.Join(dir, "data"), "--exec-root", filepath.Join(dir, "exec"),
		"--pidfile", filepath.Join(dir, "docker.pid"), "--iptables=false", "--ip6tables=false",
		"--containerd-namespace", base, "--containerd-plugins-namespace", base+"p",
		// The e2e engine's bridge, never --bridge=none (it deletes docker0).
		"--bridge", e2etest.Bridge())
	cmd.Cancel = func() error { return cmd.Process.Signal(syscall.SIGTERM) }
	cmd.WaitDelay = 30 * time.Second
	logf, _ := os.Create(filepath.Join(dir, "dockerd.log"))
	cmd.Stdout, cmd.Stderr = logf, logf
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		stop()
		_ = cmd.Wait()
		logf.Close()
		os.RemoveAll(dir)
	})
	hc := &http.Client{Timeout: 2 * time.Second, Transport: &http.Transport{
		DialContext: func(ctx context.Context, _, _ string) (net.Conn, error) { return net.Dial("unix", sock) }}}
	for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline); time.Sleep(300 * time.Millisecond) {
		if resp, err := hc.Get("http://d/_ping"); err == nil {
			resp.Body.Close()
			host := "DOCKER_HOST=unix://" + sock
			save := e2etest.RunOK(t, "save", "busybox:latest")
			r := e2etest.RunWith(t, e2etest.Options{Stdin: strings.NewReader(save.Stdout), Env: []string{host}}, "load", "-q")
			if r.Code != 0 {
				t.Fatalf("load: %s", r)
			}
			return host
		}
	}
	log, _ := os.ReadFile(filepath.Join(dir, "dockerd.log"))
	t.Fatalf("experimental dockerd did not come up:\n%s", log)
	return ""
}

func TestCheckpointOnExperimentalDaemon(t *testing.T) {
	host := startExperimental(t)
	run := func(args ...string) e2etest.Result {
		return e2etest.RunWith(t, e2etest.Options{Env: []string{host}}, args...)
	}
	name := e2etest.UniqueName(t, "fck")
	if r := run("run", "-d", "--name", name, "--network", "none", "busybox:latest", "sleep", "300"); r.Code != 0 {
		t.Fatalf("run: %s", r)
	}
	defer run("rm", "-f", name)

	r := run("checkpoint", "ls", name)
	if r.Code != 0 || r.Stdout != "CHECKPOINT NAME\n" {
		t.Fatalf("ls: %s", r)
	}
	// CRIU may be unable to dump on this kernel: then the daemon's error
	// comes out as the reference prints it; when it works, the checkpoint
	// is listed and removed.
	r = run("checkpoint", "create", "--leave-running", name, "cp1")
	switch {
	case r.Code == 0:
		if r.Stdout != "cp1\n" {
			t.Fatalf("create: %s", r)
		}
		if l := run("checkpoint", "ls", name); l.Stdout != "CHECKPOINT NAME\ncp1\n" {
			t.Fatalf("ls after create: %s", l)
		}
		if d := run("checkpoint", "rm", name, "cp1"); d.Code != 0 || d.Stdout != "" {
			t.Fatalf("rm: %s", d)
		}
	case !strings.HasPrefix(r.Stderr, "Error response from daemon: Cannot checkpoint container "+name+": ") || r.Code != 1:
		t.Fatalf("create: %s", r)
	}
	r = run("checkpoint", "rm", name, "nope")
	if r.Code != 1 || r.Stderr != "Error response from daemon: checkpoint nope does not exist for container "+name+"\n" {
		t.Fatalf("rm missing: %s", r)
	}
	run("stop", "-t", "0", name)
	r = run("start", "--checkpoint", "nope", name)
	if r.Code != 1 || r.Stderr != "Error response from daemon: checkpoint nope does not exist for container /"+name+"\n" {
		t.Fatalf("start --checkpoint: %s", r)
	}
	r = run("start", "--checkpoint", "nope", "--checkpoint-dir", "/tmp/x", name)
	if r.Code != 1 || r.Stderr != "Error response from daemon: custom checkpointdir is not supported\n" {
		t.Fatalf("start --checkpoint-dir: %s", r)
	}
}
