package cli

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dockerclone/docker/config"
)

// newTestCLI isolates a CLI from the caller's environment and config.
func newTestCLI(t *testing.T) *CLI {
	t.Helper()
	for _, k := range []string{"DOCKER_HOST", "DOCKER_CONTEXT", "DOCKER_CERT_PATH", "DOCKER_TLS", "DOCKER_TLS_VERIFY"} {
		t.Setenv(k, "")
	}
	dir := t.TempDir()
	t.Setenv("DOCKER_CONFIG", dir)
	c := New(Streams{})
	c.Opts.ConfigDir = dir
	return c
}

func TestResolveEndpointPrecedence(t *testing.T) {
	c := newTestCLI(t)
	store := c.Contexts()
	for name, host := range map[string]string{"flagctx": "tcp://flag:1", "envctx": "tcp://env:1", "cfgctx": "tcp://cfg:1"} {
		if err := store.Create(config.Context{Name: name, Docker: &config.DockerEndpoint{Host: host}}); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(c.ConfigDir(), "config.json"), []byte(`{"currentContext":"cfgctx"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name              string
		context           string
		hosts             []string
		dockerHost, dctx  string
		wantCtx, wantHost string
	}{
		{name: "config", wantCtx: "cfgctx", wantHost: "tcp://cfg:1"},
		{name: "DOCKER_CONTEXT beats config", dctx: "envctx", wantCtx: "envctx", wantHost: "tcp://env:1"},
		{name: "DOCKER_HOST beats DOCKER_CONTEXT", dctx: "envctx", dockerHost: "tcp://dh:2", wantCtx: "default", wantHost: "tcp://dh:2"},
		{name: "-H beats DOCKER_HOST", hosts: []string{"unix:///h.sock"}, dockerHost: "tcp://dh:2", wantCtx: "default", wantHost: "unix:///h.sock"},
		{name: "--context beats everything", context: "flagctx", dctx: "envctx", dockerHost: "tcp://dh:2", wantCtx: "flagctx", wantHost: "tcp://flag:1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("DOCKER_HOST", tt.dockerHost)
			t.Setenv("DOCKER_CONTEXT", tt.dctx)
			c.Opts.Context, c.Opts.Hosts = tt.context, tt.hosts
			ep, err := ResolveEndpoint(c)
			if err != nil {
				t.Fatal(err)
			}
			if ep.Context != tt.wantCtx || ep.Host != tt.wantHost {
				t.Errorf("got context %q host %q, want %q %q", ep.Context, ep.Host, tt.wantCtx, tt.wantHost)
			}
		})
	}
}

func TestResolveEndpointErrors(t *testing.T) {
	c := newTestCLI(t)
	store := c.Contexts()
	if err := store.Save(config.Context{Name: "noep"}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		context string
		hosts   []string
		want    string
	}{
		{name: "conflict", context: "x", hosts: []string{"tcp://h"}, want: "conflicting options: cannot specify both --host and --context"},
		{name: "two -H", hosts: []string{"unix:///a", "unix:///b"}, want: "Specify only one -H"},
		{name: "bad -H", hosts: []string{"foo://x"}, want: "invalid bind address format: foo://x"},
		{name: "missing context", context: "nope", want: `context "nope": context not found: open ` + filepath.Join(store.MetaDir("nope"), "meta.json") + ": no such file or directory"},
		{name: "no docker endpoint", context: "noep", want: "cannot find docker endpoint in context"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c.Opts.Context, c.Opts.Hosts = tt.context, tt.hosts
			_, err := ResolveEndpoint(c)
			if err == nil || err.Error() != tt.want {
				t.Errorf("error = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestDefaultEndpointTLSFiles(t *testing.T) {
	newTestCLI(t)
	certDir := t.TempDir()
	t.Setenv("DOCKER_CERT_PATH", certDir)
	cert, key := testPEM(t, "x")
	write := func(name string, b []byte) string {
		p := filepath.Join(certDir, name)
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	opts := func(tls, verify bool) *GlobalOptions {
		return &GlobalOptions{TLS: tls, TLSVerify: verify, TLSCACert: filepath.Join(certDir, "ca.pem"),
			TLSCert: filepath.Join(certDir, "cert.pem"), TLSKey: filepath.Join(certDir, "key.pem")}
	}

	// No TLS asked: nothing is read.
	if ep, err := DefaultEndpoint(opts(false, false)); err != nil || ep.UseTLS || ep.Host != DefaultHost {
		t.Fatalf("plain: %+v, %v", ep, err)
	}
	// The CA is required even at its default path.
	_, err := DefaultEndpoint(opts(true, false))
	if err == nil || !errors.Is(err, os.ErrNotExist) || !strings.HasPrefix(err.Error(), "open "+filepath.Join(certDir, "ca.pem")) {
		t.Fatalf("missing CA: %v", err)
	}
	write("ca.pem", cert)
	// Default cert and key may be missing.
	ep, err := DefaultEndpoint(opts(true, false))
	if err != nil || !ep.UseTLS || !ep.SkipTLSVerify || ep.Host != "tcp://localhost:2376" || ep.Cert != nil {
		t.Fatalf("--tls: %+v, %v", ep, err)
	}
	// An explicitly named cert must exist.
	o := opts(false, true)
	o.TLSCert = filepath.Join(certDir, "other.pem")
	if _, err := DefaultEndpoint(o); err == nil || !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("explicit missing cert: %v", err)
	}
	write("cert.pem", cert)
	write("key.pem", key)
	ep, err = DefaultEndpoint(opts(false, true))
	if err != nil || ep.SkipTLSVerify || len(ep.Cert) == 0 || len(ep.Key) == 0 {
		t.Fatalf("--tlsverify: %+v, %v", ep, err)
	}
	if got := strings.Join(ep.TLSFiles(), ","); got != "ca.pem,cert.pem,key.pem" {
		t.Errorf("TLSFiles = %s", got)
	}
}

func TestContextEndpointTLS(t *testing.T) {
	c := newTestCLI(t)
	store := c.Contexts()
	mk := func(name string, skip bool, tls *config.TLSData) {
		if err := store.Create(config.Context{Name: name, Docker: &config.DockerEndpoint{Host: "tcp://h:1", SkipTLSVerify: skip}}); err != nil {
			t.Fatal(err)
		}
		if err := store.SaveTLS(name, "docker", tls); err != nil {
			t.Fatal(err)
		}
	}
	cert, _ := testPEM(t, "x")
	mk("plain", false, nil)
	mk("skip", true, nil)
	mk("withca", false, &config.TLSData{CA: cert})
	for name, want := range map[string]bool{"plain": false, "skip": true, "withca": true} {
		ep, err := ContextEndpoint(store, name)
		if err != nil || ep.UseTLS != want {
			t.Errorf("%s: UseTLS %v, %v; want %v", name, ep.UseTLS, err, want)
		}
	}
}
