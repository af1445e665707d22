//go:build e2e

package image

import (
	"archive/tar"
	"bytes"
	"encoding/json"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/dockerclone/docker/e2e/e2etest"
)

func TestTagAndRemove(t *testing.T) {
	name := e2etest.ImageName(t, "hx-tag")
	e2etest.CleanupImage(t, name+":2")

	e2etest.RunOK(t, "tag", e2etest.Image, name)
	e2etest.RunOK(t, "image", "tag", e2etest.Image, name+":2")
	if !e2etest.Exists(t, "images", name+":latest") || !e2etest.Exists(t, "images", name+":2") {
		t.Fatal("tags not created")
	}

	r := e2etest.Run(t, "tag", e2etest.Image, "Upper")
	if r.Code != 1 || r.Stderr != `Error parsing reference: "Upper" is not a valid repository/tag: invalid reference format: repository name (library/Upper) must be lowercase`+"\n" {
		t.Errorf("bad target: %s", r)
	}

	// Untagged as the engine names them (Podman qualifies the names).
	want := "Untagged: " + e2etest.RepoTag(t, name+":latest") + "\nUntagged: " + e2etest.RepoTag(t, name+":2") + "\n"
	r = e2etest.RunOK(t, "rmi", name, name+":2")
	if r.Stdout != want {
		t.Errorf("rmi output %q, want %q", r.Stdout, want)
	}
	if !e2etest.Exists(t, "images", e2etest.Image) {
		t.Fatal("rmi of extra tags removed the fixture image")
	}

	noSuch := e2etest.DaemonError(t, http.MethodDelete, "/images/"+name) + "\n"
	r = e2etest.Run(t, "rmi", name)
	if r.Code != 1 || r.Stderr != noSuch {
		t.Errorf("rmi of a missing image: %s", r)
	}
	r = e2etest.Run(t, "image", "rm", "-f", name)
	if r.Code != 0 || r.Stderr != noSuch {
		t.Errorf("rmi -f of a missing image: %s", r)
	}
}

// oneFileTar is a tar archive holding one small file.
func oneFileTar(t *testing.T) string {
	t.Helper()
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	data := []byte("hello\n")
	if err := tw.WriteHeader(&tar.Header{Name: "hello.txt", Mode: 0o644, Size: int64(len(data))}); err != nil {
		t.Fatal(err)
	}
	tw.Write(data)
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestImportThenRemoveDeletes(t *testing.T) {
	name := e2etest.ImageName(t, "hx-imp")
	r := e2etest.RunStdin(t, oneFileTar(t), "import", "-m", "e2e msg", "-", name)
	printed := regexp.MustCompile(`^(sha256:[0-9a-f]{64})\n$`)
	if e2etest.Podman() {
		// Podman's import progress message carries the ID as its id too.
		printed = regexp.MustCompile(`^(sha256:[0-9a-f]{64}): sha256:[0-9a-f]{64}\n$`)
	}
	m := printed.FindStringSubmatch(r.Stdout)
	if r.Code != 0 || m == nil {
		t.Fatalf("import: %s", r)
	}
	id := m[1]
	r = e2etest.RunOK(t, "history", "--format", "{{.Comment}}", name)
	if r.Stdout != "e2e msg\n" {
		t.Errorf("history of the imported image: %q", r.Stdout)
	}
	untagged := "Untagged: " + e2etest.RepoTag(t, name+":latest") + "\n"
	if e2etest.Podman() {
		id = strings.TrimPrefix(id, "sha256:") // Podman's Deleted lines name bare IDs
	}
	r = e2etest.RunOK(t, "rmi", name)
	if !strings.Contains(r.Stdout, untagged) || !strings.Contains(r.Stdout, "Deleted: "+id+"\n") {
		t.Errorf("rmi output %q, want Untagged and Deleted %s", r.Stdout, id)
	}
}

func TestImageInspect(t *testing.T) {
	r := e2etest.RunOK(t, "image", "inspect", e2etest.Image)
	var v []map[string]any
	if err := json.Unmarshal([]byte(r.Stdout), &v); err != nil || len(v) != 1 {
		t.Fatalf("inspect output is not a one-element array: %v\n%s", err, r.Stdout)
	}
	if !strings.HasPrefix(r.Stdout, "[\n    {\n        \"Id\": \"sha256:") {
		t.Errorf("not indented by 4 spaces:\n%.80s", r.Stdout)
	}
	r = e2etest.RunOK(t, "image", "inspect", "-f", "{{.Id}} {{.Os}} {{json .RepoTags}}", e2etest.Image)
	if !regexp.MustCompile(`^sha256:[0-9a-f]{64} linux \[.*"` + e2etest.RepoTag(t, e2etest.Image) + `".*\]\n$`).MatchString(r.Stdout) {
		t.Errorf("template output %q", r.Stdout)
	}
	r = e2etest.Run(t, "image", "inspect", "hx-missing-image")
	if r.Code != 1 || r.Stdout != "[]\n" || !strings.HasPrefix(r.Stderr, "Error response from daemon: ") {
		t.Errorf("missing image: %s", r)
	}
}

func TestHistory(t *testing.T) {
	r := e2etest.RunOK(t, "history", e2etest.Image)
	if !regexp.MustCompile(`^IMAGE +CREATED +CREATED BY +SIZE +COMMENT\n[0-9a-f]{12} `).MatchString(r.Stdout) {
		t.Errorf("history output:\n%s", r.Stdout)
	}
}
