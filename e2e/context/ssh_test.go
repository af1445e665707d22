//go:build e2e

package context

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/dockerclone/docker/e2e/e2etest"
)

// sshEnv is a private sshd on 127.0.0.1 whose sessions find our binary
// (through a logging wrapper) first on PATH as `docker`, and a client-side
// `ssh` wrapper that uses the test's key and trusts the throwaway host key.
type sshEnv struct {
	port      int
	clientEnv []string // PATH with the ssh wrapper first
	remoteLog string   // each remote `docker` invocation's arguments
}

func startSSHD(t *testing.T) sshEnv {
	t.Helper()
	sshd, err := exec.LookPath("sshd")
	if err != nil {
		sshd = "/usr/sbin/sshd"
	}
	if _, err := os.Stat(sshd); err != nil {
		t.Fatal("sshd not installed: run make engine, which installs what the tests drive")
	}
	bin, err := e2etest.Binary()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	os.Chmod(dir, 0o755)
	for _, d := range []string{"remote", "client"} {
		os.Mkdir(filepath.Join(dir, d), 0o755)
	}
	for _, k := range []string{"hostkey", "userkey"} {
		if out, err := exec.Command("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", filepath.Join(dir, k)).CombinedOutput(); err != nil {
			t.Fatalf("ssh-keygen: %v\n%s", err, out)
		}
	}
	pub, _ := os.ReadFile(filepath.Join(dir, "userkey.pub"))
	env := sshEnv{port: freePort(t), remoteLog: filepath.Join(dir, "remote.log")}
	write := func(name, body string, mode os.FileMode) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), mode); err != nil {
			t.Fatal(err)
		}
	}
	write("authorized_keys", string(pub), 0o600)
	write("remote/docker", fmt.Sprintf("#!/bin/sh\necho \"$*\" >> %s\nexec %s \"$@\"\n", env.remoteLog, bin), 0o755)
	write("sshd_config", fmt.Sprintf(`Port %d
ListenAddress 127.0.0.1
HostKey %[2]s/hostkey
PidFile %[2]s/sshd.pid
AuthorizedKeysFile %[2]s/authorized_keys
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
SetEnv PATH=%[2]s/remote:/usr/bin:/bin
`, env.port, dir), 0o600)
	write("ssh_config", fmt.Sprintf(`Host *
  IdentityFile %[1]s/userkey
  IdentitiesOnly yes
  StrictHostKeyChecking no
  UserKnownHostsFile /dev/null
  LogLevel ERROR
  BatchMode yes
`, dir), 0o600)
	write("client/ssh", fmt.Sprintf("#!/bin/sh\nexec /usr/bin/ssh -F %s/ssh_config \"$@\"\n", dir), 0o755)
	env.clientEnv = []string{"PATH=" + filepath.Join(dir, "client") + ":" + os.Getenv("PATH"), "DOCKER_HOST="}

	os.MkdirAll("/run/sshd", 0o755) // privilege separation directory
	cmd := exec.Command(sshd, "-D", "-f", filepath.Join(dir, "sshd_config"), "-E", filepath.Join(dir, "sshd.log"))
	if out, err := exec.Command(sshd, "-t", "-f", filepath.Join(dir, "sshd_config")).CombinedOutput(); err != nil {
		t.Fatalf("sshd -t: %v\n%s", err, out)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Signal(syscall.SIGTERM)
		cmd.Wait()
	})
	for i := 0; i < 50; i++ {
		if c, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", env.port)); err == nil {
			c.Close()
			return env
		}
		time.Sleep(100 * time.Millisecond)
	}
	log, _ := os.ReadFile(filepath.Join(dir, "sshd.log"))
	t.Fatalf("sshd did not listen:\n%s", log)
	return env
}

func TestSSHTransport(t *testing.T) {
	env := startSSHD(t)
	sock := strings.TrimPrefix(os.Getenv("DOCKER_HOST"), "unix://")
	if sock == os.Getenv("DOCKER_HOST") {
		t.Skip("the ssh test needs a unix:// DOCKER_HOST to reach from the far side")
	}
	url := fmt.Sprintf("ssh://root@127.0.0.1:%d%s", env.port, sock)
	opts := e2etest.Options{Env: env.clientEnv}

	t.Run("-H", func(t *testing.T) {
		r := e2etest.RunWith(t, opts, "-H", url, "version", "--format", "{{.Server.APIVersion}}")
		if r.Code != 0 || !strings.HasPrefix(r.Stdout, "1.") {
			t.Fatalf("%s", r)
		}
		log, _ := os.ReadFile(env.remoteLog)
		if !strings.Contains(string(log), "--host unix://"+sock+" system dial-stdio\n") {
			t.Errorf("remote docker was run as:\n%s", log)
		}
	})
	t.Run("context", func(t *testing.T) {
		name := e2etest.UniqueName(t, "hx-ssh")
		if r := e2etest.RunWith(t, opts, "context", "create", name, "--docker", "host="+url); r.Code != 0 {
			t.Fatalf("create: %s", r)
		}
		e2etest.RunWith(t, opts, "context", "use", name)
		r := e2etest.RunWith(t, opts, "ps", "-a", "--filter", "name=hx-never-such-container")
		if r.Code != 0 || !strings.HasPrefix(r.Stdout, "CONTAINER ID") {
			t.Errorf("ps through the ssh context: %s", r)
		}
		r = e2etest.RunWith(t, opts, "version", "--format", "{{.Client.Context}}")
		if r.Code != 0 || r.Stdout != name+"\n" {
			t.Errorf("version through the ssh context: %s", r)
		}
	})
	t.Run("remote socket missing", func(t *testing.T) {
		bad := fmt.Sprintf("ssh://root@127.0.0.1:%d/nonexistent/docker.sock", env.port)
		r := e2etest.RunWith(t, opts, "-H", bad, "ps")
		want := fmt.Sprintf(`error during connect: Get "http://docker.example.com/v1.50/containers/json": command [ssh -o ConnectTimeout=30 -T -l root -p %d -- 127.0.0.1 docker --host unix:///nonexistent/docker.sock system dial-stdio] has exited with exit status 1, make sure the URL is valid, and Docker 18.09 or later is installed on the remote host: stderr=failed to open the raw stream connection: dial unix /nonexistent/docker.sock: connect: no such file or directory`, env.port)
		if r.Code != 1 || !strings.HasPrefix(r.Stderr, want) {
			t.Errorf("got %s\nwant stderr prefix %q", r, want)
		}
	})
	t.Run("unreachable host", func(t *testing.T) {
		r := e2etest.RunWith(t, opts, "-H", fmt.Sprintf("ssh://root@127.0.0.1:%d", freePort(t)), "ps")
		if r.Code != 1 || !strings.Contains(r.Stderr, "has exited with exit status 255") || !strings.Contains(r.Stderr, "stderr=ssh: connect to host 127.0.0.1 port") {
			t.Errorf("%s", r)
		}
	})
	t.Run("password in URL", func(t *testing.T) {
		r := e2etest.RunWith(t, opts, "-H", "ssh://u:p@127.0.0.1", "ps")
		if r.Code != 1 || r.Stderr != "Failed to initialize: ssh host connection is not valid: invalid SSH URL: plain-text password is not supported\n" {
			t.Errorf("%s", r)
		}
	})
}
