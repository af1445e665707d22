// Package formatter holds the rows of `docker images`. It is a package of its
// own, named formatter, with the row type imageContext, because template
// errors name the row's Go type ("can't evaluate field X in type
// *formatter.imageContext") and scripts match on the reference's text.
package formatter

import (
	"strconv"
	"strings"
	"time"

	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/format"
	"github.com/dockerclone/docker/cli/reference"
)

const none = "<none>"

// Layouts of `docker images`; "table" and "" select one by the flags.
const (
	defaultTable       = "table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{if .CreatedSince }}{{.CreatedSince}}{{else}}N/A{{end}}\t{{.Size}}"
	defaultTableDigest = "table {{.Repository}}\t{{.Tag}}\t{{.Digest}}\t{{.ID}}\t{{if .CreatedSince }}{{.CreatedSince}}{{else}}N/A{{end}}\t{{.Size}}"
	quietFormat        = "{{.ID}}"
	rawFormat          = "repository: {{ .Repository }}\ntag: {{.Tag}}\nimage_id: {{.ID}}\ncreated_at: {{.CreatedAt}}\nvirtual_size: {{.Size}}\n"
	rawFormatDigest    = "repository: {{ .Repository }}\ntag: {{.Tag}}\ndigest: {{.Digest}}\nimage_id: {{.ID}}\ncreated_at: {{.CreatedAt}}\nvirtual_size: {{.Size}}\n"
	rawQuietFormat     = "image_id: {{.ID}}"
)

// digestField is the exact text by which a template asks for digests; the
// reference looks for it verbatim, so "{{ .Digest }}" does not count.
const digestField = "{{.Digest}}"

// Spec turns the --format value into the spec format.Parse takes: "" and
// "table" pick the default table (IDs only with quiet, a DIGEST column with
// digests), "raw" the key: value blocks; anything else is the user's
// template, which wins over quiet. With digests, a user's table that does not
// name {{.Digest}} gets a DIGEST column appended.
func Spec(spec string, quiet, digests bool) string {
	switch spec {
	case "", "table":
		switch {
		case quiet:
			return quietFormat
		case digests:
			return defaultTableDigest
		default:
			return defaultTable
		}
	case "raw":
		switch {
		case quiet:
			return rawQuietFormat
		case digests:
			return rawFormatDigest
		default:
			return rawFormat
		}
	}
	if digests && strings.HasPrefix(spec, "table") && !strings.Contains(spec, digestField) {
		spec += "\t" + digestField
	}
	return spec
}

// NamesDigest reports whether the layout Spec returned names {{.Digest}}:
// tagged rows then carry their digests even without --digests.
func NamesDigest(spec string) bool {
	return strings.Contains(spec, digestField)
}

// Header titles the table columns.
var Header = format.Header{
	"ID":           "IMAGE ID",
	"Repository":   "REPOSITORY",
	"Tag":          "TAG",
	"Digest":       "DIGEST",
	"CreatedSince": "CREATED",
	"CreatedAt":    "CREATED AT",
	"Size":         "SIZE",
	"Containers":   "CONTAINERS",
	"VirtualSize":  "SIZE",
	"SharedSize":   "SHARED SIZE",
	"UniqueSize":   "UNIQUE SIZE",
}

// Options say how rows are shown.
type Options struct {
	Trunc   bool // 12-hex IDs
	Digests bool // one row per digest of each tag (--digests)
	// TagDigests expands tagged rows by digest as Digests does, but leaves
	// the rows of untagged digests without one: what the reference does when
	// the layout names {{.Digest}} and --digests is not given.
	TagDigests bool
	// Now is the clock for CREATED; time.Now when nil.
	Now func() time.Time
	// NoDigest leaves every row's Digest empty (system df's rows).
	NoDigest bool
}

// imageContext is one row: an image seen through one repository[:tag].
type imageContext struct {
	img    *engine.Image
	opts   *Options
	repo   string
	tag    string
	digest string
}

// Rows expands images into table rows: one per repository and tag (and per
// digest with Digests), a `<none>` row for dangling images. Tags of one image
// come in no fixed order, as with the reference.
func Rows(images []engine.Image, opts Options) []any {
	var out []any
	for i := range images {
		img := &images[i]
		if dangling(img) {
			out = append(out, &imageContext{img: img, opts: &opts, repo: none, tag: none, digest: none})
			continue
		}
		out = appendTagged(out, img, &opts)
	}
	if opts.NoDigest {
		for _, r := range out {
			r.(*imageContext).digest = ""
		}
	}
	return out
}

// dangling images have no reference; before API 1.43 the daemon shows that
// as "<none>:<none>" and "<none>@<none>".
func dangling(img *engine.Image) bool {
	if len(img.RepoTags) == 0 && len(img.RepoDigests) == 0 {
		return true
	}
	return len(img.RepoTags) == 1 && img.RepoTags[0] == "<none>:<none>" &&
		len(img.RepoDigests) == 1 && img.RepoDigests[0] == "<none>@<none>"
}

func appendTagged(out []any, img *engine.Image, opts *Options) []any {
	tags := map[string][]string{}
	digests := map[string][]string{}
	for _, s := range img.RepoTags {
		ref, err := reference.ParseNormalizedNamed(s)
		if err != nil {
			continue
		}
		if t, ok := ref.(reference.NamedTagged); ok {
			name := reference.FamiliarName(ref)
			tags[name] = append(tags[name], t.Tag())
		}
	}
	for _, s := range img.RepoDigests {
		ref, err := reference.ParseNormalizedNamed(s)
		if err != nil {
			continue
		}
		if c, ok := ref.(reference.Canonical); ok {
			name := reference.FamiliarName(ref)
			digests[name] = append(digests[name], c.Digest().String())
		}
	}
	add := func(repo, tag, digest string) {
		out = append(out, &imageContext{img: img, opts: opts, repo: repo, tag: tag, digest: digest})
	}
	for repo, ts := range tags {
		ds := digests[repo]
		delete(digests, repo) // a tagged repository's digests are not rows of their own
		if !opts.Digests && !opts.TagDigests {
			ds = nil
		}
		for _, tag := range ts {
			if len(ds) == 0 {
				add(repo, tag, none)
				continue
			}
			for _, d := range ds {
				add(repo, tag, d)
			}
		}
	}
	for repo, ds := range digests {
		if !opts.Digests {
			add(repo, none, "")
			continue
		}
		for _, d := range ds {
			add(repo, none, d)
		}
	}
	return out
}

func (c *imageContext) MarshalJSON() ([]byte, error) { return format.MarshalRow(c) }

// ID is the 12-hex short ID unless --no-trunc.
func (c *imageContext) ID() string {
	if c.opts.Trunc {
		id := strings.TrimPrefix(c.img.ID, "sha256:")
		if len(id) > 12 {
			id = id[:12]
		}
		return id
	}
	return c.img.ID
}

func (c *imageContext) Repository() string { return c.repo }
func (c *imageContext) Tag() string        { return c.tag }
func (c *imageContext) Digest() string     { return c.digest }

func (c *imageContext) created() time.Time { return time.Unix(c.img.Created, 0) }

// CreatedSince is "<duration> ago"; empty only for the zero time, which the
// default layout shows as N/A.
func (c *imageContext) CreatedSince() string {
	t := c.created()
	if t.IsZero() {
		return ""
	}
	now := time.Now
	if c.opts.Now != nil {
		now = c.opts.Now
	}
	return format.HumanDuration(now().UTC().Sub(t)) + " ago"
}

func (c *imageContext) CreatedAt() string { return c.created().String() }

func (c *imageContext) Size() string { return format.HumanSizeWithPrecision(c.img.Size, 3) }

// Containers is N/A when the daemon did not count (-1).
func (c *imageContext) Containers() string {
	if c.img.Containers == -1 {
		return "N/A"
	}
	return strconv.FormatInt(c.img.Containers, 10)
}

// VirtualSize falls back to Size: API 1.44 dropped the field, which had
// become equal to Size.
func (c *imageContext) VirtualSize() string {
	if c.img.VirtualSize == 0 {
		return format.HumanSize(c.img.Size)
	}
	return format.HumanSize(c.img.VirtualSize)
}

// SharedSize is N/A unless the daemon computed it (-1 otherwise).
func (c *imageContext) SharedSize() string {
	if c.img.SharedSize == -1 {
		return "N/A"
	}
	return format.HumanSize(c.img.SharedSize)
}

func (c *imageContext) UniqueSize() string {
	if c.img.Size == -1 || c.img.SharedSize == -1 {
		return "N/A"
	}
	return format.HumanSize(c.img.Size - c.img.SharedSize)
}
