//go:build e2e

package manifest

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dockerclone/docker/e2e/e2etest"
)

const manifestV2 = "application/vnd.docker.distribution.manifest.v2+json"

// reg is a tiny client of the local registry, to lay out fixtures.
type reg struct {
	t          *testing.T
	addr       string
	user, pass string
}

func (r reg) do(method, path, ctype string, body []byte) (*http.Response, []byte) {
	r.t.Helper()
	u := path
	if !strings.HasPrefix(u, "http") {
		u = "http://" + r.addr + path
	}
	req, _ := http.NewRequest(method, u, bytes.NewReader(body))
	req.SetBasicAuth(r.user, r.pass)
	req.Header.Set("Accept", manifestV2)
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		r.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode >= 300 {
		r.t.Fatalf("%s %s: %s %s", method, path, resp.Status, b)
	}
	return resp, b
}

func digestOf(b []byte) string {
	s := sha256.Sum256(b)
	return "sha256:" + hex.EncodeToString(s[:])
}

// twoPlatforms pushes the fixture image to repo as :amd64 and, with its
// config's architecture changed, as :arm64 (same layer), the way a
// multi-platform build leaves a registry.
func twoPlatforms(t *testing.T, repo string) reg {
	addr, user, pass := e2etest.Registry(t)
	r := reg{t: t, addr: addr, user: user, pass: pass}
	_, raw := r.do(http.MethodGet, "/v2/e2e/busybox/manifests/latest", "", nil)
	var m map[string]any
	json.Unmarshal(raw, &m)
	cfgDesc := m["config"].(map[string]any)
	layer := m["layers"].([]any)[0].(map[string]any)["digest"].(string)
	_, cfg := r.do(http.MethodGet, "/v2/e2e/busybox/blobs/"+cfgDesc["digest"].(string), "", nil)
	for _, arch := range []string{"amd64", "arm64"} {
		var c map[string]any
		json.Unmarshal(cfg, &c)
		c["architecture"] = arch
		cb, _ := json.Marshal(c)
		for _, d := range []string{layer} {
			q := url.Values{"from": {"e2e/busybox"}, "mount": {d}}
			r.do(http.MethodPost, "/v2/"+repo+"/blobs/uploads/?"+q.Encode(), "", nil)
		}
		resp, _ := r.do(http.MethodPost, "/v2/"+repo+"/blobs/uploads/", "", nil)
		loc := resp.Header.Get("Location")
		if !strings.HasPrefix(loc, "http") {
			loc = "http://" + addr + loc
		}
		sep := "?"
		if strings.Contains(loc, "?") {
			sep = "&"
		}
		r.do(http.MethodPut, loc+sep+"digest="+url.QueryEscape(digestOf(cb)), "application/octet-stream", cb)
		cfgDesc["digest"], cfgDesc["size"] = digestOf(cb), len(cb)
		mb, _ := json.MarshalIndent(m, "", "   ")
		r.do(http.MethodPut, "/v2/"+repo+"/manifests/"+arch, manifestV2, mb)
	}
	return r
}

func login(t *testing.T) {
	addr, user, pass := e2etest.Registry(t)
	e2etest.RunWith(t, e2etest.Options{Stdin: strings.NewReader(pass)}, "login", "-u", user, "--password-stdin", addr)
}

func TestManifestListRoundTrip(t *testing.T) {
	addr, _, _ := e2etest.Registry(t)
	repo := e2etest.UniqueName(t, "e2e/fman")
	twoPlatforms(t, repo)
	login(t)
	src := addr + "/" + repo
	list := addr + "/" + repo + ":list"

	r := e2etest.RunOK(t, "manifest", "inspect", "--insecure", src+":amd64")
	// Tab-indented, in the registry's key order (the fixture's are sorted).
	if !strings.HasPrefix(r.Stdout, "{\n\t\"config\": {\n\t\t\"digest\": ") || !strings.HasSuffix(r.Stdout, "\t\"schemaVersion\": 2\n}\n") {
		t.Fatalf("inspect: %s", r)
	}
	r = e2etest.RunOK(t, "manifest", "inspect", "-v", "--insecure", src+":arm64")
	if !strings.Contains(r.Stdout, "\"architecture\": \"arm64\"") || !strings.Contains(r.Stdout, "\"Ref\": \""+src+":arm64\"") {
		t.Fatalf("inspect -v: %s", r)
	}

	r = e2etest.RunOK(t, "manifest", "create", "--insecure", list, src+":amd64", src+":arm64")
	if r.Stdout != "Created manifest list "+list+"\n" {
		t.Fatalf("create: %s", r)
	}
	stored := filepath.Join(e2etest.ConfigDir(t), "manifests", strings.NewReplacer("/", "_", ":", "-").Replace(list))
	if entries, err := os.ReadDir(stored); err != nil || len(entries) != 2 {
		t.Fatalf("store %s: %v %v", stored, entries, err)
	}
	e2etest.RunOK(t, "manifest", "annotate", list, src+":arm64", "--variant", "v8")
	r = e2etest.Run(t, "manifest", "annotate", list, src+":arm64", "--os", "plan9", "--arch", "arm64")
	if r.Code != 1 || r.Stderr != "manifest entry for image has unsupported os/arch combination: plan9/arm64\n" {
		t.Fatalf("annotate bad platform: %s", r)
	}

	r = e2etest.RunOK(t, "manifest", "push", "--purge", list)
	lines := strings.Split(strings.TrimSpace(r.Stdout), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[0], "Pushed ref "+src+"@sha256:") || !strings.HasPrefix(lines[2], "sha256:") {
		t.Fatalf("push: %s", r)
	}
	if _, err := os.Stat(stored); !os.IsNotExist(err) {
		t.Errorf("--purge left %s: %v", stored, err)
	}
	// The registry now serves the list; -v fetches each image.
	r = e2etest.RunOK(t, "manifest", "inspect", "--insecure", list)
	if !strings.Contains(r.Stdout, "\"mediaType\": \"application/vnd.docker.distribution.manifest.list.v2+json\"") ||
		!strings.Contains(r.Stdout, "\"variant\": \"v8\"") {
		t.Fatalf("inspect list: %s", r)
	}
	r = e2etest.RunOK(t, "manifest", "inspect", "-v", "--insecure", list)
	if strings.Count(r.Stdout, "\"SchemaV2Manifest\"") != 2 || !strings.Contains(r.Stdout, fmt.Sprintf("\"Ref\": %q", list+"@"+lines[1][strings.LastIndex(lines[1], " ")+1:])) {
		t.Fatalf("inspect -v list: %s", r)
	}
	r = e2etest.Run(t, "manifest", "rm", list)
	if r.Code != 1 || r.Stderr != "No such manifest: "+list+"\n" {
		t.Fatalf("rm after purge: %s", r)
	}
}

func TestManifestInspectErrors(t *testing.T) {
	addr, _, _ := e2etest.Registry(t)
	// No credentials: the registry's basic challenge goes unanswered.
	r := e2etest.Run(t, "manifest", "inspect", "--insecure", addr+"/e2e/busybox:latest")
	if r.Code != 1 || r.Stderr != `Get "http://`+addr+`/v2/e2e/busybox/manifests/latest": no basic auth credentials`+"\n" {
		t.Fatalf("no creds: %s", r)
	}
	login(t)
	// Without --insecure only https is tried; a plain registry has nothing.
	r = e2etest.Run(t, "manifest", "inspect", addr+"/e2e/busybox:latest")
	if r.Code != 1 || r.Stderr != "no such manifest: "+addr+"/e2e/busybox:latest\n" {
		t.Fatalf("https only: %s", r)
	}
	r = e2etest.Run(t, "manifest", "inspect", "--insecure", addr+"/e2e/busybox:nope")
	if r.Code != 1 || r.Stderr != "no such manifest: "+addr+"/e2e/busybox:nope\n" {
		t.Fatalf("missing tag: %s", r)
	}
	r = e2etest.Run(t, "manifest", "inspect", "--insecure", "127.0.0.1:1/x")
	if r.Code != 1 || r.Stderr != `failed to configure transport: error pinging v2 registry: Get "https://127.0.0.1:1/v2/": dial tcp 127.0.0.1:1: connect: connection refused`+"\n" {
		t.Fatalf("unreachable: %s", r)
	}
}
