package manifest

import (
	"encoding/base64"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/dockerclone/docker/cli/clitest"
	"github.com/dockerclone/docker/cli/registry"
)

// fakeRegistry serves two single-platform images in repository "src"
// behind basic auth (tester/s3cret) and records what is pushed.
type fakeRegistry struct {
	mu     sync.Mutex
	blobs  map[string]string // digest → content
	mans   map[string]string // "repo/ref" → manifest
	pushed []string
}

func newFakeRegistry(t *testing.T) (*fakeRegistry, string) {
	f := &fakeRegistry{blobs: map[string]string{}, mans: map[string]string{}}
	for _, arch := range []string{"amd64", "arm64"} {
		cfg := `{"architecture":"` + arch + `","os":"linux"}`
		cd := registry.Digest([]byte(cfg))
		f.blobs[cd] = cfg
		m := `{"schemaVersion":2,"mediaType":"` + registry.MediaTypeDockerManifest + `","config":{"mediaType":"application/vnd.docker.container.image.v1+json","size":` +
			strconv.Itoa(len(cfg)) + `,"digest":"` + cd + `"},"layers":[]}`
		f.mans["src/"+arch] = m
		f.mans["src/"+registry.Digest([]byte(m))] = m
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if u, p, ok := r.BasicAuth(); !ok || u != "tester" || p != "s3cret" {
			w.Header().Set("WWW-Authenticate", `Basic realm="fake"`)
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		f.mu.Lock()
		defer f.mu.Unlock()
		path := strings.TrimPrefix(r.URL.Path, "/v2/")
		repo, rest, _ := strings.Cut(path, "/")
		kind, ref, _ := strings.Cut(rest, "/")
		switch {
		case path == "":
		case kind == "manifests" && r.Method == http.MethodGet:
			m, ok := f.mans[repo+"/"+ref]
			if !ok {
				w.WriteHeader(http.StatusNotFound)
				return
			}
			w.Header().Set("Content-Type", registry.MediaTypeDockerManifest)
			io.WriteString(w, m)
		case kind == "manifests" && r.Method == http.MethodPut:
			b, _ := io.ReadAll(r.Body)
			f.mans[repo+"/"+ref] = string(b)
			f.pushed = append(f.pushed, r.Method+" "+repo+" "+ref+" "+r.Header.Get("Content-Type"))
			w.WriteHeader(http.StatusCreated)
		case kind == "blobs" && ref == "uploads/":
			f.pushed = append(f.pushed, "MOUNT "+repo+" from "+r.URL.Query().Get("from"))
			w.WriteHeader(http.StatusCreated)
		case kind == "blobs":
			b, ok := f.blobs[ref]
			if !ok {
				w.WriteHeader(http.StatusNotFound)
				return
			}
			io.WriteString(w, b)
		default:
			w.WriteHeader(http.StatusNotFound)
		}
	}))
	t.Cleanup(srv.Close)
	return f, strings.TrimPrefix(srv.URL, "http://")
}

func config(host string) string {
	return `{"auths":{"` + host + `":{"auth":"` + base64.StdEncoding.EncodeToString([]byte("tester:s3cret")) + `"}}}`
}

func TestInspectRemote(t *testing.T) {
	_, host := newFakeRegistry(t)
	e := &clitest.Engine{}
	r := clitest.Run(t, e, clitest.Options{Config: config(host)}, Group, "inspect", "--insecure", host+"/src:arm64")
	if r.RunErr != nil || !strings.HasPrefix(r.Out, "{\n\t\"schemaVersion\": 2,\n\t\"mediaType\": \"application/vnd.docker.distribution.manifest.v2+json\",") {
		t.Fatalf("err %v out %q", r.RunErr, r.Out)
	}
	r = clitest.Run(t, e, clitest.Options{Config: config(host)}, Group, "inspect", "-v", "--insecure", host+"/src:arm64")
	if r.RunErr != nil || !strings.Contains(r.Out, "\"platform\": {\n\t\t\t\"architecture\": \"arm64\",\n\t\t\t\"os\": \"linux\"\n\t\t}") ||
		!strings.Contains(r.Out, "\"Ref\": \""+host+"/src:arm64\"") {
		t.Fatalf("err %v out %s", r.RunErr, r.Out)
	}
	for args, want := range map[string]string{
		"--insecure " + host + "/src:nope": "no such manifest: " + host + "/src:nope",
		"--insecure " + host + "/SRC":      "invalid reference format: repository name (SRC) must be lowercase",
	} {
		r = clitest.Run(t, e, clitest.Options{Config: config(host)}, Group, append([]string{"inspect"}, strings.Fields(args)...)...)
		if r.ErrText() != want {
			t.Errorf("%s: err %q, want %q", args, r.ErrText(), want)
		}
	}
	// No credentials: the reference's words for a basic challenge.
	r = clitest.Run(t, e, clitest.Options{}, Group, "inspect", "--insecure", host+"/src:amd64")
	if want := `Get "http://` + host + `/v2/src/manifests/amd64": no basic auth credentials`; r.ErrText() != want {
		t.Errorf("err %q", r.ErrText())
	}
}

func TestCreateAnnotatePushRemove(t *testing.T) {
	f, host := newFakeRegistry(t)
	e := &clitest.Engine{}
	opts := clitest.Options{Config: config(host), ConfigDir: t.TempDir()}
	run := func(args ...string) clitest.Result { return clitest.Run(t, e, opts, Group, args...) }
	list := host + "/dst:1"
	r := run("create", "--insecure", list, host+"/src:amd64", host+"/src:arm64")
	if r.RunErr != nil || r.Out != "Created manifest list "+list+"\n" {
		t.Fatalf("create: %v %q", r.RunErr, r.Out)
	}
	if _, err := os.Stat(filepath.Join(opts.ConfigDir, "manifests", fileName(list), fileName(host+"/src:arm64"))); err != nil {
		t.Fatal(err)
	}
	r = run("create", "--insecure", list, host+"/src:amd64")
	if r.ErrText() != "refusing to amend an existing manifest list with no --amend flag" {
		t.Fatalf("no amend: %q", r.ErrText())
	}
	r = run("annotate", list, host+"/src:arm64", "--arch", "bogus")
	if r.ErrText() != "manifest entry for image has unsupported os/arch combination: /bogus" {
		t.Fatalf("annotate: %q", r.ErrText())
	}
	r = run("annotate", list, host+"/src:arm64", "--variant", "v8", "--os-features", "a,b")
	if r.RunErr != nil {
		t.Fatal(r.RunErr)
	}
	r = run("annotate", list, host+"/src:nope", "--variant", "v8")
	if r.ErrText() != "manifest for image "+host+"/src:nope does not exist in "+list {
		t.Fatalf("annotate missing: %q", r.ErrText())
	}
	// Named as typed, not normalized.
	r = run("annotate", "cx-list", host+"/src")
	if r.ErrText() != "manifest for image "+host+"/src does not exist in cx-list" {
		t.Fatalf("annotate missing, as typed: %q", r.ErrText())
	}
	// --amend takes an image the list holds from the store (its annotations
	// kept, the registry not asked: no --insecure needed).
	before := len(f.pushed)
	r = run("create", "--amend", list, host+"/src:arm64")
	if r.RunErr != nil || r.Out != "Created manifest list "+list+"\n" || len(f.pushed) != before {
		t.Fatalf("amend: %v %q", r.RunErr, r.Out)
	}
	// An image's bad reference is reported bare; the list's with its name.
	if r = run("create", "--amend", list, "B@d"); r.ErrText() != "invalid reference format: repository name (library/B@d) must be lowercase" {
		t.Fatalf("bad image: %q", r.ErrText())
	}
	r = run("inspect", list)
	if r.RunErr != nil || !strings.Contains(r.Out, "\"architecture\": \"arm64\",\n            \"os\": \"linux\",\n            \"os.features\": [\n               \"a\",\n               \"b\"\n            ],\n            \"variant\": \"v8\"") {
		t.Fatalf("inspect: %v\n%s", r.RunErr, r.Out)
	}
	r = run("push", list)
	lines := strings.Split(strings.TrimSpace(r.Out), "\n")
	if r.RunErr != nil || len(lines) != 3 || !strings.HasPrefix(lines[0], "Pushed ref "+host+"/dst@sha256:") || !strings.HasPrefix(lines[2], "sha256:") {
		t.Fatalf("push: %v\n%s", r.RunErr, r.Out)
	}
	got := strings.Join(f.pushed, "\n")
	if !strings.Contains(got, "MOUNT dst from src") || !strings.HasSuffix(got, "PUT dst 1 "+registry.MediaTypeDockerList) {
		t.Fatalf("registry saw:\n%s", got)
	}
	if want := registry.Digest([]byte(f.mans["dst/1"])); lines[2] != want {
		t.Errorf("list digest %s, want %s", lines[2], want)
	}
	r = run("rm", list, host+"/nope")
	if r.ErrText() != "No such manifest: "+host+"/nope:latest" {
		t.Fatalf("rm: %q", r.ErrText())
	}
	r = run("rm", list)
	if r.ErrText() != "No such manifest: "+list {
		t.Fatalf("rm again: %q", r.ErrText())
	}
}
