//go:build e2e

package image

import (
	"encoding/base64"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/dockerclone/docker/e2e/e2etest"
)

// login stores the registry's credentials in the test's config.json, as
// `docker login` would.
func login(t *testing.T) {
	t.Helper()
	addr, user, pass := e2etest.Registry(t)
	auth := base64.StdEncoding.EncodeToString([]byte(user + ":" + pass))
	cfg := `{"auths":{"` + addr + `":{"auth":"` + auth + `"}}}`
	if err := os.WriteFile(filepath.Join(e2etest.ConfigDir(t), "config.json"), []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestPullNeedsCredentials(t *testing.T) {
	ref := e2etest.RegistryImage(t)
	e2etest.CleanupImage(t, ref)
	r := e2etest.Run(t, "pull", ref)
	want := e2etest.StreamError(t, "/images/create?fromImage="+strings.TrimSuffix(ref, ":latest")+"&tag=latest", false) + "\n"
	if r.Code != 1 || r.Stderr != want || !strings.Contains(want, "no basic auth credentials") && !strings.Contains(want, "unauthorized") {
		t.Errorf("pull without login: %s", r)
	}
}

func TestPullWithCredentials(t *testing.T) {
	ref := e2etest.RegistryImage(t) // addr/e2e/busybox:latest
	repo := strings.TrimSuffix(ref, ":latest")
	e2etest.CleanupImage(t, ref)
	login(t)

	r := e2etest.RunOK(t, "pull", repo)
	// Not a terminal: plain status lines, no bars, the reference last.
	lines := strings.Split(strings.TrimSuffix(r.Stdout, "\n"), "\n")
	if lines[0] != "Using default tag: latest" || lines[len(lines)-1] != ref {
		t.Errorf("pull output:\n%s", r.Stdout)
	}
	// Podman's progress stream has no Digest and Status messages.
	if !e2etest.Podman() && (!regexp.MustCompile(`(?m)^Digest: sha256:[0-9a-f]{64}$`).MatchString(r.Stdout) ||
		!strings.Contains(r.Stdout, "Status: ")) || strings.Contains(r.Stdout, "\x1b[") {
		t.Errorf("pull output:\n%s", r.Stdout)
	}
	if !e2etest.Exists(t, "images", ref) {
		t.Errorf("%s not in the engine after pull", ref)
	}

	r = e2etest.RunOK(t, "pull", "-q", ref)
	if r.Stdout != ref+"\n" {
		t.Errorf("pull -q = %q", r.Stdout)
	}

	r = e2etest.Run(t, "pull", repo+":nope")
	if want := e2etest.StreamError(t, "/images/create?fromImage="+repo+"&tag=nope", true) + "\n"; r.Code != 1 || r.Stderr != want {
		t.Errorf("pull of a missing tag: %s", r)
	}
}

func TestPushTaggedImage(t *testing.T) {
	addr, _, _ := e2etest.Registry(t)
	name := e2etest.UniqueName(t, addr+"/e2e/hx-push")
	ref := name + ":1"
	e2etest.CleanupImage(t, ref)
	e2etest.RunOK(t, "tag", e2etest.Image, ref)

	r := e2etest.Run(t, "push", ref)
	repo := name
	if e2etest.Podman() {
		repo = ref // Podman names the tag too
	}
	if r.Code != 1 || !strings.Contains(r.Stdout, "The push refers to repository ["+repo+"]") ||
		r.Stderr != e2etest.StreamError(t, "/images/"+name+"/push?tag=1", false)+"\n" {
		t.Errorf("push without login: %s", r)
	}

	login(t)
	r = e2etest.RunOK(t, "push", ref)
	if !regexp.MustCompile(`(?m)^1: digest: sha256:[0-9a-f]{64} size: \d+$`).MatchString(r.Stdout) {
		t.Errorf("push output:\n%s", r.Stdout)
	}
	r = e2etest.RunOK(t, "push", "-q", ref)
	if r.Stdout != ref+"\n" {
		t.Errorf("push -q = %q", r.Stdout)
	}

	// What was pushed can be pulled back.
	e2etest.RunOK(t, "rmi", ref)
	e2etest.RunOK(t, "pull", "-q", ref)
}
