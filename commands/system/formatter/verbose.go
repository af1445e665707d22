package formatter

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/format"
	containerfmt "github.com/dockerclone/docker/cli/formatter/container"
	imagefmt "github.com/dockerclone/docker/cli/formatter/image"
	volumefmt "github.com/dockerclone/docker/cli/formatter/volume"
)

// The section tables of `system df -v`.
const (
	imageTable      = "table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}\t{{.SharedSize}}\t{{.UniqueSize}}\t{{.Containers}}"
	containerTable  = "table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.LocalVolumes}}\t{{.Size}}\t{{.RunningFor}}\t{{.Status}}\t{{.Names}}"
	volumeTable     = "table {{.Name}}\t{{.Links}}\t{{.Size}}"
	buildCacheTable = "table {{.ID}}\t{{.CacheType}}\t{{.Size}}\t{{.CreatedSince}}\t{{.LastUsedSince}}\t{{.UsageCount}}\t{{.Shared}}"
)

// diskUsageContext is what a -v --format template runs against: every
// section's rows. Its name shows in template errors, as the reference's.
type diskUsageContext struct {
	Images     []any
	Containers []any
	Volumes    []any
	BuildCache []any
}

// newContext builds the rows of every section; trunc shortens IDs as the
// tables do (templates and json see them whole).
func newContext(du *engine.DiskUsage, trunc bool) *diskUsageContext {
	ctx := &diskUsageContext{
		Images:     imagefmt.Rows(du.Images, imagefmt.Options{Trunc: trunc, NoDigest: true}),
		Containers: []any{},
		Volumes:    []any{},
		BuildCache: []any{},
	}
	if ctx.Images == nil {
		ctx.Images = []any{}
	}
	// Only the writable layer counts here: no "(virtual ...)" part.
	cs := make([]engine.Container, len(du.Containers))
	for i, c := range du.Containers {
		c.SizeRootFs = 0
		cs[i] = c
	}
	rows := containerfmt.NewRows(cs, trunc, time.Now())
	for i := range rows {
		ctx.Containers = append(ctx.Containers, &rows[i])
	}
	for i := range du.Volumes {
		ctx.Volumes = append(ctx.Volumes, volumefmt.Row(&du.Volumes[i]))
	}
	for i := range du.BuildCache {
		ctx.BuildCache = append(ctx.BuildCache, &buildCacheContext{r: &du.BuildCache[i], trunc: trunc})
	}
	return ctx
}

// WriteVerbose prints `system df -v`: each section's table under its title.
func WriteVerbose(out io.Writer, du *engine.DiskUsage) error {
	ctx := newContext(du, true)
	var cacheSize int64
	for _, b := range du.BuildCache {
		if !b.Shared {
			cacheSize += b.Size
		}
	}
	sections := []struct {
		title  string
		spec   string
		header format.Header
		rows   []any
	}{
		{"Images space usage:\n\n", imageTable, imagefmt.Header, ctx.Images},
		{"\nContainers space usage:\n\n", containerTable, containerfmt.Header, ctx.Containers},
		{"\nLocal Volumes space usage:\n\n", volumeTable, volumefmt.Header, ctx.Volumes},
		{"\nBuild cache usage: " + format.HumanSize(cacheSize) + "\n\n", buildCacheTable, buildCacheHeader, ctx.BuildCache},
	}
	bw := bufio.NewWriter(out)
	for _, s := range sections {
		bw.WriteString(s.title)
		f, err := format.Parse(s.spec, "")
		if err != nil {
			return err
		}
		w := format.NewWriter(bw, f, s.header)
		for _, r := range s.rows {
			if err := w.Write(r); err != nil {
				return err
			}
		}
		if err := w.Flush(); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// ExecuteVerbose runs a -v --format template once over all sections; like
// the reference, no newline follows its output.
func ExecuteVerbose(out io.Writer, f *format.Format, du *engine.DiskUsage) error {
	return f.Execute(out, newContext(du, false))
}

var buildCacheHeader = format.Header{
	"ID":            "CACHE ID",
	"CacheType":     "CACHE TYPE",
	"Size":          "SIZE",
	"CreatedSince":  "CREATED",
	"LastUsedSince": "LAST USED",
	"UsageCount":    "USAGE",
	"Shared":        "SHARED",
	"Description":   "DESCRIPTION",
	"InUse":         "IN USE",
	"Parent":        "PARENT",
	"CreatedAt":     "CREATED AT",
	"LastUsedAt":    "LAST USED AT",
}

type buildCacheContext struct {
	r     *engine.BuildCacheRecord
	trunc bool
}

func (c *buildCacheContext) MarshalJSON() ([]byte, error) { return format.MarshalRow(c) }

// ID is cut to 12 characters in tables, with a "*" for a shared record.
func (c *buildCacheContext) ID() string {
	id := c.r.ID
	if c.trunc && len(id) > 12 {
		id = id[:12]
	}
	if c.r.Shared {
		id += "*"
	}
	return id
}

func (c *buildCacheContext) Parent() string {
	p := c.r.Parent
	if len(c.r.Parents) > 0 {
		p = strings.Join(c.r.Parents, ", ")
	}
	if c.trunc && len(p) > 12 {
		p = p[:12]
	}
	return p
}

func (c *buildCacheContext) CacheType() string   { return c.r.Type }
func (c *buildCacheContext) Description() string { return c.r.Description }
func (c *buildCacheContext) Size() string        { return format.HumanSizeWithPrecision(c.r.Size, 3) }
func (c *buildCacheContext) UsageCount() string  { return fmt.Sprint(c.r.UsageCount) }
func (c *buildCacheContext) InUse() string       { return fmt.Sprint(c.r.InUse) }
func (c *buildCacheContext) Shared() string      { return fmt.Sprint(c.r.Shared) }
func (c *buildCacheContext) CreatedAt() string   { return parseTime(c.r.CreatedAt).String() }
func (c *buildCacheContext) CreatedSince() string {
	return since(parseTime(c.r.CreatedAt))
}

func (c *buildCacheContext) LastUsedAt() string {
	if c.r.LastUsedAt == nil {
		return ""
	}
	return parseTime(*c.r.LastUsedAt).String()
}

func (c *buildCacheContext) LastUsedSince() string {
	if c.r.LastUsedAt == nil {
		return ""
	}
	return since(parseTime(*c.r.LastUsedAt))
}

func parseTime(s string) time.Time {
	t, _ := time.Parse(time.RFC3339Nano, s)
	return t
}

func since(t time.Time) string {
	return format.HumanDuration(time.Now().UTC().Sub(t)) + " ago"
}
