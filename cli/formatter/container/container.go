// Package formatter holds the row of `docker ps`. It is a package of its own,
// named formatter, with the row type ContainerContext, because template errors
// name the row's Go type ("can't evaluate field X in type
// *formatter.ContainerContext") and scripts match on the reference's text.
package formatter

import (
	"io"
	"net"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/format"
	"github.com/dockerclone/docker/cli/reference"
)

// Layouts of `docker ps`; Spec picks one from the flags.
const (
	defaultTable = "table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}"
	sizeColumn   = "\t{{.Size}}"
	quietFormat  = "{{.ID}}"
	rawFormat    = "container_id: {{.ID}}\nimage: {{.Image}}\ncommand: {{.Command}}\ncreated_at: {{.CreatedAt}}\nstate: {{- pad .State 1 0}}\nstatus: {{- pad .Status 1 0}}\nnames: {{.Names}}\nlabels: {{- pad .Labels 1 0}}\nports: {{- pad .Ports 1 0}}\n"
	rawSize      = "size: {{.Size}}\n"
	rawQuiet     = "container_id: {{.ID}}"
)

// Spec turns the --format value (or psFormat) into the spec format.Parse
// takes: "" and "table" are the default table (with a SIZE column when size),
// "raw" the key: value blocks; quiet wins over any other format.
func Spec(spec string, quiet, size bool) string {
	switch {
	case spec == "raw" && quiet:
		return rawQuiet
	case spec == "raw" && size:
		return rawFormat + rawSize
	case spec == "raw":
		return rawFormat
	case quiet:
		return quietFormat
	case spec == "" || spec == "table":
		if size {
			return defaultTable + sizeColumn
		}
		return defaultTable
	}
	return spec
}

// Header titles the table columns.
var Header = format.Header{
	"ID":           "CONTAINER ID",
	"Image":        "IMAGE",
	"Command":      "COMMAND",
	"CreatedAt":    "CREATED AT",
	"RunningFor":   "CREATED",
	"Ports":        "PORTS",
	"State":        "STATE",
	"Status":       "STATUS",
	"Size":         "SIZE",
	"Names":        "NAMES",
	"Labels":       "LABELS",
	"Mounts":       "MOUNTS",
	"LocalVolumes": "LOCAL VOLUMES",
	"Networks":     "NETWORKS",
	"Platform":     "PLATFORM",
}

// ContainerContext is one row. Its exported zero-argument methods are the
// template fields and the keys of `--format json`.
type ContainerContext struct {
	c     *engine.Container
	trunc bool
	now   time.Time
	// images caches the shown form of each image reference: a list names
	// the same few images over and over, and parsing one costs more than
	// the rest of its row.
	images map[string]string

	// sizeUsed records that a template asked for .Size, so that the
	// listing can request sizes only when they are shown.
	sizeUsed bool
}

// UsesSize reports whether a template run against r asked for .Size. It is
// not a method so that it is neither a template field nor a JSON key.
func UsesSize(r *ContainerContext) bool { return r.sizeUsed }

// empty is what Probe runs against; it never changes.
var empty engine.Container

// Probe returns a row over an empty container: running the user's format
// against it once, before listing, reports template errors the way the
// reference does and tells whether .Size is used.
func Probe() *ContainerContext {
	return &ContainerContext{c: &empty, trunc: true}
}

// NewRows wraps containers as rows; one allocation for the whole list.
func NewRows(cs []engine.Container, trunc bool, now time.Time) []ContainerContext {
	rows := make([]ContainerContext, len(cs))
	images := map[string]string{}
	for i := range cs {
		rows[i] = ContainerContext{c: &cs[i], trunc: trunc, now: now, images: images}
	}
	return rows
}

// MarshalJSON gives `--format json` its keys: every field, sorted.
func (r *ContainerContext) MarshalJSON() ([]byte, error) {
	return format.MarshalRow(r)
}

// ID is the container ID, 12 hex digits unless --no-trunc.
func (r *ContainerContext) ID() string {
	if r.trunc {
		return TruncateID(r.c.ID)
	}
	return r.c.ID
}

// Names are the names without their leading slash; truncated output shows
// only the first name that is not a link (link names contain a slash).
func (r *ContainerContext) Names() string {
	names := make([]string, 0, len(r.c.Names))
	for _, n := range r.c.Names {
		names = append(names, strings.TrimPrefix(n, "/"))
	}
	if r.trunc {
		for _, n := range names {
			if !strings.Contains(n, "/") {
				return n
			}
		}
	}
	return strings.Join(names, ",")
}

// Image is the image as the container was created from it: a short ID when
// created from an ID, else the familiar name with the tag and without a digest.
func (r *ContainerContext) Image() string {
	img := r.c.Image
	if img == "" {
		return "<no image>"
	}
	if !r.trunc {
		return img
	}
	if short := TruncateID(r.c.ImageID); short == TruncateID(img) {
		return short
	}
	if shown, ok := r.images[img]; ok {
		return shown
	}
	shown := familiarImage(img)
	if r.images != nil {
		r.images[img] = shown
	}
	return shown
}

// familiarImage is an image reference as ps shows it: familiar, tag kept,
// digest dropped; as given when it does not parse.
func familiarImage(img string) string {
	ref, err := reference.ParseNormalizedNamed(img)
	if err != nil {
		return img
	}
	if tagged, ok := ref.(reference.NamedTagged); ok {
		if withTag, err := reference.WithTag(reference.TrimNamed(ref), tagged.Tag()); err == nil {
			return reference.FamiliarString(withTag)
		}
	}
	return reference.FamiliarString(reference.TrimNamed(ref))
}

// Command is the quoted command, cut to 20 cells unless --no-trunc.
func (r *ContainerContext) Command() string {
	cmd := r.c.Command
	if r.trunc {
		cmd = format.Ellipsis(cmd, 20)
	}
	return strconv.Quote(cmd)
}

// CreatedAt is the creation time in Go's time.Time format, local zone.
func (r *ContainerContext) CreatedAt() string {
	return time.Unix(r.c.Created, 0).String()
}

// RunningFor is how long ago the container was created.
func (r *ContainerContext) RunningFor() string {
	now := r.now
	if now.IsZero() {
		now = time.Now()
	}
	return format.HumanDuration(now.UTC().Sub(time.Unix(r.c.Created, 0))) + " ago"
}

// Ports lists the published and exposed ports.
func (r *ContainerContext) Ports() string { return DisplayablePorts(r.c.Ports) }

// State is the daemon's one-word state ("running").
func (r *ContainerContext) State() string { return r.c.State }

// Status is the daemon's status line ("Up 2 minutes").
func (r *ContainerContext) Status() string { return r.c.Status }

// Size is the writable layer's size, with the virtual size when known.
func (r *ContainerContext) Size() string {
	r.sizeUsed = true
	rw := format.HumanSizeWithPrecision(r.c.SizeRw, 3)
	if r.c.SizeRootFs > 0 {
		return rw + " (virtual " + format.HumanSizeWithPrecision(r.c.SizeRootFs, 3) + ")"
	}
	return rw
}

// Labels are the labels as sorted k=v pairs joined with commas.
func (r *ContainerContext) Labels() string { return format.JoinLabels(r.c.Labels) }

// Label is the value of one label.
func (r *ContainerContext) Label(name string) string {
	return r.c.Labels[name]
}

// Mounts names each mount (volume name, else source), cut to 15 cells.
func (r *ContainerContext) Mounts() string {
	names := make([]string, 0, len(r.c.Mounts))
	for _, m := range r.c.Mounts {
		n := m.Name
		if n == "" {
			n = m.Source
		}
		if r.trunc {
			n = format.Ellipsis(n, 15)
		}
		names = append(names, n)
	}
	return strings.Join(names, ",")
}

// LocalVolumes counts the mounts of the local volume driver.
func (r *ContainerContext) LocalVolumes() string {
	n := 0
	for _, m := range r.c.Mounts {
		if m.Driver == "local" {
			n++
		}
	}
	return strconv.Itoa(n)
}

// Networks are the attached networks' names, sorted.
func (r *ContainerContext) Networks() string {
	if r.c.NetworkSettings == nil {
		return ""
	}
	names := make([]string, 0, len(r.c.NetworkSettings.Networks))
	for n := range r.c.NetworkSettings.Networks {
		names = append(names, n)
	}
	sort.Strings(names)
	return strings.Join(names, ",")
}

// Platform is the platform of the image manifest the container runs (API
// 1.48+); nil otherwise, which prints as <nil> and JSON null.
func (r *ContainerContext) Platform() *engine.Platform {
	if d := r.c.ImageManifestDescriptor; d != nil {
		return d.Platform
	}
	return nil
}

// TruncateID shortens an ID to 12 characters, dropping an algorithm prefix.
func TruncateID(id string) string { return format.TruncateID(id) }

// DisplayablePorts renders ports as the PORTS column: runs of consecutive
// ports with the same IP and protocol are grouped ("0.0.0.0:80-81->80-81/tcp",
// "5000-5001/tcp"), a published port whose public and private numbers differ
// is listed on its own after the groups ("127.0.0.1:7000->7001/udp").
func DisplayablePorts(ports []engine.Port) string {
	type group struct{ first, last uint16 }
	sorted := append([]engine.Port(nil), ports...)
	sort.Slice(sorted, func(i, j int) bool {
		a, b := sorted[i], sorted[j]
		if a.PrivatePort != b.PrivatePort {
			return a.PrivatePort < b.PrivatePort
		}
		if a.IP != b.IP {
			return a.IP < b.IP
		}
		if a.PublicPort != b.PublicPort {
			return a.PublicPort < b.PublicPort
		}
		return a.Type < b.Type
	})
	groups := map[string]*group{}
	var order, out, mapped []string
	for _, p := range sorted {
		key := p.Type
		if p.IP != "" {
			if p.PublicPort != p.PrivatePort {
				host := net.JoinHostPort(p.IP, strconv.Itoa(int(p.PublicPort)))
				mapped = append(mapped, host+"->"+strconv.Itoa(int(p.PrivatePort))+"/"+p.Type)
				continue
			}
			key = p.IP + "/" + p.Type
		}
		g := groups[key]
		switch {
		case g == nil:
			groups[key] = &group{p.PrivatePort, p.PrivatePort}
			order = append(order, key)
		case p.PrivatePort == g.last+1:
			g.last = p.PrivatePort
		default:
			out = append(out, portGroup(key, g.first, g.last))
			groups[key] = &group{p.PrivatePort, p.PrivatePort}
		}
	}
	for _, key := range order {
		g := groups[key]
		out = append(out, portGroup(key, g.first, g.last))
	}
	return strings.Join(append(out, mapped...), ", ")
}

// portGroup renders one run of ports; key is "type" or "ip/type".
func portGroup(key string, first, last uint16) string {
	ip, typ, ok := strings.Cut(key, "/")
	if !ok {
		ip, typ = "", key
	}
	r := strconv.Itoa(int(first))
	if first != last {
		r += "-" + strconv.Itoa(int(last))
	}
	if ip != "" {
		r = net.JoinHostPort(ip, r) + "->" + r
	}
	return r + "/" + typ
}

// IsDefaultTable reports whether spec is the default table, which
// WriteDefaultTable renders without a template.
func IsDefaultTable(spec string) bool {
	return spec == defaultTable || spec == defaultTable+sizeColumn
}

// WriteDefaultTable renders the default table (with a SIZE column when size)
// straight from the rows, byte for byte what the template would print: ps
// of hundreds of containers is a common call and the template's reflection
// is most of its cost.
func WriteDefaultTable(out io.Writer, rows []ContainerContext, size bool) error {
	tw := format.NewTabWriter(out, 10, 3)
	var b []byte
	b = append(b, "CONTAINER ID\tIMAGE\tCOMMAND\tCREATED\tSTATUS\tPORTS\tNAMES"...)
	if size {
		b = append(b, "\tSIZE"...)
	}
	b = append(b, '\n')
	for i := range rows {
		r := &rows[i]
		b = append(b, r.ID()...)
		b = append(b, '\t')
		b = append(b, r.Image()...)
		b = append(b, '\t')
		b = append(b, r.Command()...)
		b = append(b, '\t')
		b = append(b, r.RunningFor()...)
		b = append(b, '\t')
		b = append(b, r.Status()...)
		b = append(b, '\t')
		b = append(b, r.Ports()...)
		b = append(b, '\t')
		b = append(b, r.Names()...)
		if size {
			b = append(b, '\t')
			b = append(b, r.Size()...)
		}
		b = append(b, '\n')
	}
	tw.Write(b)
	return tw.Flush()
}
