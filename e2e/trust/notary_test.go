//go:build e2e && notary

package trust

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dockerclone/docker/e2e/e2etest"
)

// TestContentTrustWithNotary runs against the notary server `make
// test-notary` starts. Signing is not implemented by this client, so the
// reference CLI (first on PATH) signs a tag; this binary then verifies it.
func TestContentTrustWithNotary(t *testing.T) {
	server, ca := os.Getenv("E2E_NOTARY"), os.Getenv("E2E_NOTARY_CA")
	if server == "" || ca == "" {
		t.Fatal(`E2E_NOTARY and E2E_NOTARY_CA must be set; run: make test-notary`)
	}
	reference, err := exec.LookPath("docker")
	if err != nil {
		t.Fatal("the reference docker CLI signs the fixture; none on PATH")
	}
	addr, user, pass := e2etest.Registry(t)
	cfg := e2etest.ConfigDir(t)
	tlsDir := filepath.Join(cfg, "tls", strings.TrimPrefix(server, "https://"))
	os.MkdirAll(tlsDir, 0o700)
	pem, _ := os.ReadFile(ca)
	os.WriteFile(filepath.Join(tlsDir, "ca.crt"), pem, 0o600)
	e2etest.RunWith(t, e2etest.Options{Stdin: strings.NewReader(pass)}, "login", "-u", user, "--password-stdin", addr)

	repo := addr + "/" + e2etest.UniqueName(t, "f2signed")
	e2etest.RunOK(t, "tag", e2etest.Image, repo+":1")
	e2etest.CleanupImage(t, repo+":1")
	env := []string{"DOCKER_CONFIG=" + cfg, "DOCKER_CONTENT_TRUST=1", "DOCKER_CONTENT_TRUST_SERVER=" + server,
		"DOCKER_CONTENT_TRUST_ROOT_PASSPHRASE=f2-root-pass", "DOCKER_CONTENT_TRUST_REPOSITORY_PASSPHRASE=f2-repo-pass"}
	sign := exec.Command(reference, "push", repo+":1")
	sign.Env = append(os.Environ(), env...)
	if out, err := sign.CombinedOutput(); err != nil || !strings.Contains(string(out), "Successfully signed "+repo+":1") {
		t.Fatalf("signing with the reference: %v\n%s", err, out)
	}
	digest := strings.TrimSpace(e2etest.RunOK(t, "inspect", "-f", "{{index .RepoDigests 0}}", repo+":1").Stdout)
	digest = digest[strings.Index(digest, "@sha256:")+1:]
	dct := e2etest.Options{Env: env}

	r := e2etest.RunWith(t, dct, "trust", "inspect", repo+":1")
	if r.Code != 0 || !strings.Contains(r.Stdout, `"SignedTag": "1",`) ||
		!strings.Contains(r.Stdout, `"Digest": "`+strings.TrimPrefix(digest, "sha256:")+`",`) || !strings.Contains(r.Stdout, `"Repo Admin"`) {
		t.Fatalf("trust inspect: %s", r)
	}
	r = e2etest.RunWith(t, dct, "trust", "inspect", "--pretty", repo)
	if r.Code != 0 || !strings.HasPrefix(r.Stdout, "\nSignatures for "+repo+"\n\nSIGNED TAG   DIGEST") ||
		!strings.Contains(r.Stdout, "\nAdministrative keys for "+repo+"\n\n  Repository Key:\t") {
		t.Fatalf("trust inspect --pretty: %s", r)
	}

	// Pulls go by the signed digest and tag it back.
	e2etest.RunOK(t, "rmi", repo+":1")
	r = e2etest.RunWith(t, dct, "pull", repo+":1")
	pinned := repo + "@" + digest
	if r.Code != 0 || !strings.HasPrefix(r.Stdout, "Pull (1 of 1): "+repo+":1@"+digest+"\n") ||
		!strings.HasSuffix(r.Stdout, repo+":1\n") || r.Stderr != "Tagging "+pinned+" as "+repo+":1\n" {
		t.Fatalf("trusted pull: %s", r)
	}
	e2etest.RunOK(t, "rmi", repo+":1")
	r = e2etest.RunWith(t, dct, "run", "--rm", repo+":1", "echo", "trusted")
	if r.Code != 0 || r.Stdout != "trusted\n" || !strings.HasPrefix(r.Stderr, "Unable to find image '"+repo+":1' locally\n") ||
		!strings.HasSuffix(r.Stderr, "Tagging "+pinned+" as "+repo+":1\n") {
		t.Fatalf("trusted run: %s", r)
	}

	// What the server does not vouch for is refused.
	r = e2etest.RunWith(t, dct, "pull", repo+":2")
	if r.Code != 1 || r.Stderr != "No valid trust data for 2\n" {
		t.Fatalf("unsigned tag: %s", r)
	}
	unsigned := addr + "/" + e2etest.UniqueName(t, "f2unsigned")
	host := strings.TrimPrefix(server, "https://")
	r = e2etest.RunWith(t, dct, "pull", unsigned+":1")
	if r.Code != 1 || r.Stderr != "Error: remote trust data does not exist for "+unsigned+": "+host+" does not have trust data for "+unsigned+"\n" {
		t.Fatalf("unsigned repository: %s", r)
	}
	// Signing is the reference's: this client stops with its own error.
	r = e2etest.RunWith(t, dct, "trust", "sign", repo+":1")
	if r.Code != 1 || r.Stderr != "Error: content trust: signing with a notary server is not supported by this client\n" {
		t.Fatalf("trust sign: %s", r)
	}
}
