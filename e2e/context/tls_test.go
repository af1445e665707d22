//go:build e2e

package context

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/dockerclone/docker/e2e/e2etest"
)

// startTLSDaemon runs a private dockerd with --tlsverify on 127.0.0.1 and
// stops it when the test ends. It returns the tcp:// address.
func startTLSDaemon(t *testing.T, p pki) string {
	t.Helper()
	if _, err := exec.LookPath("dockerd"); err != nil {
		t.Fatal("dockerd not installed: run make engine")
	}
	// Short path: containerd's sockets live under the exec root.
	dir, err := os.MkdirTemp("/tmp", "hx-tlsd-")
	if err != nil {
		t.Fatal(err)
	}
	addr := fmt.Sprintf("127.0.0.1:%d", freePort(t))
	cmd := exec.Command("dockerd",
		"--tlsverify", "--tlscacert", p.ca, "--tlscert", p.serverCert, "--tlskey", p.serverKey,
		"-H", "tcp://"+addr,
		"--data-root", filepath.Join(dir, "data"), "--exec-root", filepath.Join(dir, "exec"),
		"--pidfile", filepath.Join(dir, "docker.pid"), "--iptables=false", "--ip6tables=false",
		// The e2e engine's bridge (scripts/engine.sh), never --bridge=none:
		// that makes dockerd delete any docker0 on the machine.
		"--bridge", e2etest.Bridge())
	logf, err := os.Create(filepath.Join(dir, "dockerd.log"))
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stdout, cmd.Stderr = logf, logf
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Signal(syscall.SIGTERM)
		done := make(chan struct{})
		go func() { cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(30 * time.Second):
			cmd.Process.Kill()
			<-done
		}
		logf.Close()
		os.RemoveAll(dir)
	})

	pair, err := tls.LoadX509KeyPair(p.clientCert, p.clientKey)
	if err != nil {
		t.Fatal(err)
	}
	caPEM, _ := os.ReadFile(p.ca)
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(caPEM)
	hc := &http.Client{Timeout: 2 * time.Second, Transport: &http.Transport{
		TLSClientConfig: &tls.Config{RootCAs: pool, Certificates: []tls.Certificate{pair}}}}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	for ctx.Err() == nil {
		resp, err := hc.Get("https://" + addr + "/_ping")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return "tcp://" + addr
			}
		}
		time.Sleep(300 * time.Millisecond)
	}
	log, _ := os.ReadFile(filepath.Join(dir, "dockerd.log"))
	t.Fatalf("TLS dockerd did not come up on %s:\n%s", addr, log)
	return ""
}

func TestTLSTransport(t *testing.T) {
	p := newPKI(t)
	host := startTLSDaemon(t, p)
	noHost := []string{"DOCKER_HOST="}

	t.Run("flags", func(t *testing.T) {
		r := e2etest.RunEnv(t, noHost, "--tlsverify", "--tlscacert", p.ca, "--tlscert", p.clientCert, "--tlskey", p.clientKey,
			"-H", host, "version", "--format", "{{.Server.APIVersion}}")
		if r.Code != 0 || !strings.HasPrefix(r.Stdout, "1.") {
			t.Errorf("%s", r)
		}
	})
	t.Run("environment", func(t *testing.T) {
		certDir := t.TempDir()
		for src, dst := range map[string]string{p.ca: "ca.pem", p.clientCert: "cert.pem", p.clientKey: "key.pem"} {
			b, _ := os.ReadFile(src)
			os.WriteFile(filepath.Join(certDir, dst), b, 0o600)
		}
		r := e2etest.RunEnv(t, []string{"DOCKER_HOST=" + host, "DOCKER_TLS_VERIFY=1", "DOCKER_CERT_PATH=" + certDir}, "ps")
		if r.Code != 0 || !strings.HasPrefix(r.Stdout, "CONTAINER ID") {
			t.Errorf("%s", r)
		}
	})
	t.Run("context", func(t *testing.T) {
		name := e2etest.UniqueName(t, "hx-tls")
		r := e2etest.RunEnv(t, noHost, "context", "create", name, "--docker",
			fmt.Sprintf("host=%s,ca=%s,cert=%s,key=%s", host, p.ca, p.clientCert, p.clientKey))
		if r.Code != 0 {
			t.Fatalf("create: %s", r)
		}
		r = e2etest.RunEnv(t, noHost, "context", "inspect", "--format", "{{json .TLSMaterial}}", name)
		if r.Stdout != `{"docker":["ca.pem","cert.pem","key.pem"]}`+"\n" {
			t.Errorf("inspect: %s", r)
		}
		e2etest.RunEnv(t, noHost, "context", "use", name)
		r = e2etest.RunEnv(t, noHost, "ps")
		if r.Code != 0 || !strings.HasPrefix(r.Stdout, "CONTAINER ID") {
			t.Errorf("ps through the TLS context: %s", r)
		}
		r = e2etest.RunEnv(t, noHost, "version", "--format", "{{.Client.Context}}")
		if r.Code != 0 || r.Stdout != name+"\n" {
			t.Errorf("version through the TLS context: %s", r)
		}
	})
	t.Run("missing cert files", func(t *testing.T) {
		missing := filepath.Join(t.TempDir(), "nope.pem")
		r := e2etest.RunEnv(t, noHost, "--tlsverify", "--tlscacert", missing, "-H", host, "ps")
		want := "Failed to initialize: unable to resolve docker endpoint: open " + missing + ": no such file or directory\n"
		if r.Code != 1 || r.Stderr != want {
			t.Errorf("got %s\nwant stderr %q", r, want)
		}
	})
	t.Run("no client certificate", func(t *testing.T) {
		r := e2etest.RunEnv(t, noHost, "--tlsverify", "--tlscacert", p.ca, "--tlscert=", "--tlskey=", "-H", host, "ps")
		if r.Code != 1 || !strings.Contains(r.Stderr, `Get "https://`+strings.TrimPrefix(host, "tcp://")+`/v1.`) ||
			!strings.Contains(r.Stderr, "tls: ") {
			t.Errorf("%s", r)
		}
	})
	t.Run("unknown authority", func(t *testing.T) {
		r := e2etest.RunEnv(t, noHost, "--tlsverify", "--tlscacert", p.clientCert, "--tlscert", p.clientCert, "--tlskey", p.clientKey, "-H", host, "ps")
		if r.Code != 1 || !strings.Contains(r.Stderr, "tls: failed to verify certificate: x509: certificate signed by unknown authority") {
			t.Errorf("%s", r)
		}
	})
	t.Run("plain HTTP to TLS daemon", func(t *testing.T) {
		r := e2etest.RunEnv(t, noHost, "-H", host, "ps")
		if r.Code != 1 || r.Stderr != "Error response from daemon: Client sent an HTTP request to an HTTPS server.\n" {
			t.Errorf("%s", r)
		}
	})
}

// TestTLSToPlainServer: a TLS client meeting a plain HTTP server.
func TestTLSToPlainServer(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	defer srv.Close()
	addr := strings.TrimPrefix(srv.URL, "http://")
	r := e2etest.RunEnv(t, []string{"DOCKER_HOST="}, "--tls", "--tlscacert=", "-H", "tcp://"+addr, "ps")
	want := `error during connect: Get "https://` + addr + `/v1.50/containers/json": http: server gave HTTP response to HTTPS client` + "\n"
	if r.Code != 1 || r.Stderr != want {
		t.Errorf("got %s\nwant stderr %q", r, want)
	}
}
