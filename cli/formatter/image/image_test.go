package formatter

import (
	"slices"
	"strings"
	"testing"

	"github.com/dockerclone/docker/cli/engine"
)

// rowKeys lists rows as "repo tag digest", sorted (tags of one image come in
// map order).
func rowKeys(rows []any) []string {
	var out []string
	for _, r := range rows {
		c := r.(*imageContext)
		out = append(out, c.Repository()+" "+c.Tag()+" "+c.Digest())
	}
	slices.Sort(out)
	return out
}

func TestRows(t *testing.T) {
	const dgst = "sha256:babb38ababfce28f0243ad5349ca1d36086c2272d90e06a85d3ae718c046f2f9"
	img := engine.Image{
		ID:          "sha256:66c4f7ec1ba1ab1d4512f5d23908110c918c9f23b19ebd7d60f9340ed1dad82a",
		RepoTags:    []string{"docker.io/library/busybox:latest", "127.0.0.1:5055/bb:1", "127.0.0.1:5055/bb:2"},
		RepoDigests: []string{"127.0.0.1:5055/bb@" + dgst, "other/repo@" + dgst},
	}
	tests := []struct {
		name       string
		images     []engine.Image
		digests    bool
		tagDigests bool
		want       []string
	}{
		{name: "one row per tag, familiar names; untagged digests get a <none> tag", images: []engine.Image{img},
			want: []string{"127.0.0.1:5055/bb 1 <none>", "127.0.0.1:5055/bb 2 <none>", "busybox latest <none>", "other/repo <none> "}},
		{name: "with digests", images: []engine.Image{img}, digests: true,
			want: []string{"127.0.0.1:5055/bb 1 " + dgst, "127.0.0.1:5055/bb 2 " + dgst, "busybox latest <none>", "other/repo <none> " + dgst}},
		{name: "a layout naming {{.Digest}}: tagged rows get digests, untagged ones none", images: []engine.Image{img}, tagDigests: true,
			want: []string{"127.0.0.1:5055/bb 1 " + dgst, "127.0.0.1:5055/bb 2 " + dgst, "busybox latest <none>", "other/repo <none> "}},
		{name: "dangling, old and new API", images: []engine.Image{
			{RepoTags: []string{"<none>:<none>"}, RepoDigests: []string{"<none>@<none>"}}, {}},
			want: []string{"<none> <none> <none>", "<none> <none> <none>"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := rowKeys(Rows(tt.images, Options{Trunc: true, Digests: tt.digests, TagDigests: tt.tagDigests}))
			if !slices.Equal(got, tt.want) {
				t.Errorf("rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestFields(t *testing.T) {
	img := engine.Image{ID: "sha256:66c4f7ec1ba1ab1d4512f5d23908110c918c9f23b19ebd7d60f9340ed1dad82a",
		Size: 1984210, SharedSize: 1000, Containers: 2}
	c := &imageContext{img: &img, opts: &Options{Trunc: true}}
	got := []string{c.ID(), c.Size(), c.VirtualSize(), c.SharedSize(), c.UniqueSize(), c.Containers()}
	want := []string{"66c4f7ec1ba1", "1.98MB", "1.984MB", "1kB", "1.983MB", "2"}
	if !slices.Equal(got, want) {
		t.Errorf("fields = %q, want %q", got, want)
	}
	img.SharedSize, img.Containers = -1, -1
	c.opts.Trunc = false
	got = []string{c.ID(), c.SharedSize(), c.UniqueSize(), c.Containers()}
	want = []string{img.ID, "N/A", "N/A", "N/A"}
	if !slices.Equal(got, want) {
		t.Errorf("fields = %q, want %q", got, want)
	}
}

func TestSpec(t *testing.T) {
	tests := []struct {
		spec           string
		quiet, digests bool
		want           string
	}{
		{"", false, false, defaultTable},
		{"table", false, true, defaultTableDigest},
		{"", true, true, quietFormat},
		{"raw", false, true, rawFormatDigest},
		{"raw", true, false, rawQuietFormat},
		{"table raw", true, false, "table raw"},
		{"{{.ID}}", true, true, "{{.ID}}"},
		// --digests adds a DIGEST column to a user's table, even with -q,
		// unless the exact text {{.Digest}} is already there.
		{"table {{.Tag}}", true, true, "table {{.Tag}}\t{{.Digest}}"},
		{"table {{.Tag}} {{ .Digest }}", false, true, "table {{.Tag}} {{ .Digest }}\t{{.Digest}}"},
		{"table {{.Digest}}", false, true, "table {{.Digest}}"},
		{"table {{.Tag}}", false, false, "table {{.Tag}}"},
		{"{{.Tag}}", false, true, "{{.Tag}}"},
	}
	for _, tt := range tests {
		if got := Spec(tt.spec, tt.quiet, tt.digests); got != tt.want {
			t.Errorf("Spec(%q, %v, %v) = %q, want %q", tt.spec, tt.quiet, tt.digests, got, tt.want)
		}
	}
}

func TestNamesDigest(t *testing.T) {
	tests := []struct {
		spec string
		want bool
	}{
		{"{{.Tag}}", false},
		{"{{.Tag}} {{.Digest}}", true},
		{"{{.Tag}} {{ .Digest }}", false}, // only the exact text counts
		{"json", false},
	}
	for _, tt := range tests {
		if got := NamesDigest(tt.spec); got != tt.want {
			t.Errorf("NamesDigest(%q) = %v, want %v", tt.spec, got, tt.want)
		}
	}
}
