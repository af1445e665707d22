//go:build e2e

package trust

import (
	"strings"
	"testing"

	"github.com/dockerclone/docker/e2e/e2etest"
)

// notTLS is what a notary client gets from the plain HTTP registry.
const notTLS = "tls: first record does not look like a TLS handshake"

func TestContentTrustWithoutNotary(t *testing.T) {
	addr, user, pass := e2etest.Registry(t)
	e2etest.RunWith(t, e2etest.Options{Stdin: strings.NewReader(pass)}, "login", "-u", user, "--password-stdin", addr)
	img := addr + "/" + e2etest.UniqueName(t, "e2e/ftrust") + ":1"
	e2etest.RunOK(t, "tag", "busybox:latest", img)
	e2etest.CleanupImage(t, img)
	dct := e2etest.Options{Env: []string{"DOCKER_CONTENT_TRUST=1"}}

	// Pushed first, then signing fails: nothing said today without trust.
	r := e2etest.RunWith(t, dct, "push", img)
	if r.Code != 1 || !strings.HasSuffix(r.Stdout, "Signing and pushing trust metadata\n") ||
		r.Stderr != "Error: error contacting notary server: "+notTLS+"\n" {
		t.Fatalf("push: %s", r)
	}
	r = e2etest.RunWith(t, dct, "pull", img)
	if r.Code != 1 || r.Stdout != "" || r.Stderr != "Error: error contacting notary server: "+notTLS+"\n" {
		t.Fatalf("pull: %s", r)
	}
	r = e2etest.RunWith(t, dct, "run", "--rm", img, "true")
	if r.Code != 125 || r.Stderr != "docker: Error: error contacting notary server: "+notTLS+"\n\nRun 'docker run --help' for more information\n" {
		t.Fatalf("run: %s", r)
	}
	r = e2etest.RunWith(t, e2etest.Options{Env: []string{"DOCKER_CONTENT_TRUST=1", "DOCKER_CONTENT_TRUST_SERVER=https://127.0.0.1:1"}}, "create", img)
	if r.Code != 1 || r.Stderr != "Error: error contacting notary server: dial tcp 127.0.0.1:1: connect: connection refused\n" {
		t.Fatalf("create: %s", r)
	}
	// --disable-content-trust and DOCKER_CONTENT_TRUST=0 skip it all.
	e2etest.RunWith(t, dct, "pull", "-q", "--disable-content-trust", img)
	e2etest.RunWith(t, e2etest.Options{Env: []string{"DOCKER_CONTENT_TRUST=0"}}, "pull", "-q", img)

	r = e2etest.Run(t, "trust", "inspect", img, "busybox")
	if r.Code != 1 || r.Stdout != "[]\n" || r.Stderr != "no signatures or cannot access "+img+"\nno signatures or cannot access busybox\n" {
		t.Fatalf("trust inspect: %s", r)
	}
	r = e2etest.Run(t, "trust", "revoke", "-y", img)
	if r.Code != 1 || r.Stderr != "could not remove signature for "+img+": "+notTLS+"\n" {
		t.Fatalf("trust revoke: %s", r)
	}
	r = e2etest.Run(t, "trust", "sign", img)
	if r.Code != 1 || r.Stderr != "Error: error contacting notary server: "+notTLS+"\n" {
		t.Fatalf("trust sign: %s", r)
	}
	repo := strings.TrimSuffix(img, ":1")
	r = e2etest.Run(t, "trust", "signer", "remove", "-f", "alice", repo)
	if r.Code != 1 || r.Stdout != "Removing signer \"alice\" from "+repo+"...\n" ||
		r.Stderr != "error retrieving signers for "+repo+": "+notTLS+"\n\nerror removing signer from: "+repo+"\n" {
		t.Fatalf("trust signer remove: %s", r)
	}
}
