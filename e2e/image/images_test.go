//go:build e2e

package image

import (
	"encoding/json"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/dockerclone/docker/e2e/e2etest"
)

// tagged makes an image of the test's own, the fixture committed, tagged
// name:tag for each tag (removed at the end), through the engine API. Its
// tags are then the image's only ones, which matters on Podman: there a
// reference filter lists every tag of the images it selects.
func tagged(t *testing.T, name string, tags ...string) {
	t.Helper()
	ctr := e2etest.ContainerName(t, "hx-imgsrc")
	if code, out := e2etest.API(t, http.MethodPost, "/containers/create?name="+ctr, map[string]any{"Image": e2etest.Image, "Cmd": []string{"true"}}); code != http.StatusCreated {
		t.Fatalf("create %s: %d %s", ctr, code, out)
	}
	for i, tag := range tags {
		e2etest.CleanupImage(t, name+":"+tag)
		path := "/images/" + name + ":" + tags[0] + "/tag?repo=" + name + "&tag=" + tag
		var body any
		if i == 0 {
			path, body = "/commit?container="+ctr+"&repo="+name+"&tag="+tag, struct{}{}
		}
		if code, out := e2etest.API(t, http.MethodPost, path, body); code >= 300 {
			t.Fatalf("POST %s: %d %s", path, code, out)
		}
	}
}

// onlyMatching keeps, on Podman, the lines of out that contain one of the
// words: Podman lists every tag of an image a reference filter selects,
// Docker only the matching ones.
func onlyMatching(out string, words ...string) string {
	if !e2etest.Podman() {
		return out
	}
	var keep []string
	for _, l := range strings.SplitAfter(out, "\n") {
		for _, w := range words {
			if strings.Contains(l, w) {
				keep = append(keep, l)
				break
			}
		}
	}
	return strings.Join(keep, "")
}

func TestImagesTable(t *testing.T) {
	name := e2etest.UniqueName(t, "hx-img")
	tagged(t, name, "one", "two")

	r := e2etest.RunOK(t, "images", name)
	lines := strings.Split(strings.TrimSuffix(r.Stdout, "\n"), "\n")
	if len(lines) != 3 {
		t.Fatalf("want a header and two rows:\n%s", r.Stdout)
	}
	header := regexp.MustCompile(`^REPOSITORY +TAG +IMAGE ID +CREATED +SIZE$`)
	if !header.MatchString(lines[0]) {
		t.Errorf("header = %q", lines[0])
	}
	row := regexp.MustCompile(`^` + name + ` +(one|two) +[0-9a-f]{12} +\S.* ago +[0-9.]+[kM]B$`)
	var tags []string
	for _, l := range lines[1:] {
		m := row.FindStringSubmatch(l)
		if m == nil {
			t.Errorf("row %q does not match %s", l, row)
			continue
		}
		tags = append(tags, m[1])
	}
	slices.Sort(tags)
	if !slices.Equal(tags, []string{"one", "two"}) {
		t.Errorf("tags = %q", tags)
	}
	// Columns line up: every row starts its TAG column where the header does.
	col := strings.Index(lines[0], "TAG")
	for _, l := range lines[1:] {
		if l[col-3:col] != "   " || l[col] == ' ' {
			t.Errorf("row %q is not aligned with the header", l)
		}
	}
}

func TestImagesQuietFiltersAndJSON(t *testing.T) {
	name := e2etest.UniqueName(t, "hx-img")
	tagged(t, name, "one", "two")

	r := e2etest.RunOK(t, "images", "-q", name)
	ids := strings.Fields(r.Stdout)
	if len(ids) != 2 || ids[0] != ids[1] || len(ids[0]) != 12 {
		t.Errorf("images -q: one short ID per tag, got %q", r.Stdout)
	}
	r = e2etest.RunOK(t, "images", "--no-trunc", "--format", "{{.ID}} {{.Tag}}", name+":one")
	if !regexp.MustCompile(`^sha256:[0-9a-f]{64} one\n$`).MatchString(onlyMatching(r.Stdout, " one")) {
		t.Errorf("images --no-trunc name:one = %q", r.Stdout)
	}

	r = e2etest.RunOK(t, "image", "ls", "--filter", "reference="+name+":tw*", "--format", "{{.Repository}} {{.Tag}}")
	if onlyMatching(r.Stdout, " two") != name+" two\n" {
		t.Errorf("reference filter = %q", r.Stdout)
	}
	r = e2etest.RunOK(t, "images", "--filter", "dangling=true", "--filter", "reference="+name, "-q")
	if r.Stdout != "" {
		t.Errorf("tagged images are not dangling, got %q", r.Stdout)
	}
	// An empty filter is ignored (scripts pass -f "$VAR").
	r = e2etest.RunOK(t, "image", "ls", "-f", "", "--format", "{{.Tag}}", name+":one")
	if onlyMatching(r.Stdout, "one") != "one\n" {
		t.Errorf("image ls -f '' = %q", r.Stdout)
	}

	r = e2etest.RunOK(t, "images", "--format", "json", name+":one")
	var row map[string]string
	if err := json.Unmarshal([]byte(onlyMatching(r.Stdout, `"Tag":"one"`)), &row); err != nil {
		t.Fatalf("json row %q: %v", r.Stdout, err)
	}
	var keys []string
	for k := range row {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	want := []string{"Containers", "CreatedAt", "CreatedSince", "Digest", "ID", "Repository", "SharedSize", "Size", "Tag", "UniqueSize", "VirtualSize"}
	if !slices.Equal(keys, want) || row["Repository"] != name || row["Tag"] != "one" || row["Digest"] != "<none>" {
		t.Errorf("json row = %v", row)
	}
}

func TestImagesErrors(t *testing.T) {
	r := e2etest.Run(t, "images", "--format", "{{.Nope}}")
	if r.Code != 1 || !strings.Contains(r.Stderr, `can't evaluate field Nope in type *formatter.imageContext`) {
		t.Errorf("bad field: %s", r)
	}
	r = e2etest.Run(t, "images", "-q", "ls")
	if r.Code != 0 || r.Stderr != "\nNo images found matching \"ls\": did you mean \"docker image ls\"?\n" {
		t.Errorf("images ls: %s", r)
	}
}
