//go:build e2e

package image

import (
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/dockerclone/docker/e2e/e2etest"
)

// tagged tags the fixture image as name:tag for each tag, removed at the end.
func tagged(t *testing.T, name string, tags ...string) {
	t.Helper()
	for _, tag := range tags {
		e2etest.CleanupImage(t, name+":"+tag)
		e2etest.RunOK(t, "tag", e2etest.Image, name+":"+tag)
	}
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
	r = e2etest.RunOK(t, "images", "--no-trunc", "-q", name+":one")
	if !regexp.MustCompile(`^sha256:[0-9a-f]{64}\n$`).MatchString(r.Stdout) {
		t.Errorf("images --no-trunc -q name:one = %q", r.Stdout)
	}

	r = e2etest.RunOK(t, "image", "ls", "--filter", "reference="+name+":tw*", "--format", "{{.Repository}} {{.Tag}}")
	if r.Stdout != name+" two\n" {
		t.Errorf("reference filter = %q", r.Stdout)
	}
	r = e2etest.RunOK(t, "images", "--filter", "dangling=true", "--filter", "reference="+name, "-q")
	if r.Stdout != "" {
		t.Errorf("tagged images are not dangling, got %q", r.Stdout)
	}
	// An empty filter is ignored (scripts pass -f "$VAR").
	r = e2etest.RunOK(t, "image", "ls", "-f", "", "--format", "{{.Tag}}", name+":one")
	if r.Stdout != "one\n" {
		t.Errorf("image ls -f '' = %q", r.Stdout)
	}

	r = e2etest.RunOK(t, "images", "--format", "json", name+":one")
	var row map[string]string
	if err := json.Unmarshal([]byte(r.Stdout), &row); err != nil {
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
