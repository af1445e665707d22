// Package formatter holds the row type of `docker volume ls`. It is its own
// package because the reference's row type is formatter.volumeContext, and
// that name shows in template errors.
package formatter

import (
	"strconv"

	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/format"
)

// Default layouts of volume ls.
const (
	DefaultFormat = "table {{.Driver}}\t{{.Name}}"
	ClusterFormat = "table {{.Name}}\t{{.Group}}\t{{.Driver}}\t{{.Availability}}\t{{.Status}}"
	QuietFormat   = "{{.Name}}"
)

// Header titles the columns (ID too, which no row has: the reference's
// header knows it).
var Header = format.Header{
	"ID":           "ID",
	"Name":         "VOLUME NAME",
	"Driver":       "DRIVER",
	"Scope":        "SCOPE",
	"Mountpoint":   "MOUNTPOINT",
	"Labels":       "LABELS",
	"Links":        "LINKS",
	"Size":         "SIZE",
	"Group":        "GROUP",
	"Availability": "AVAILABILITY",
	"Status":       "STATUS",
}

// Row returns the template value for one volume.
func Row(v *engine.Volume) any { return &volumeContext{v: v} }

type volumeContext struct{ v *engine.Volume }

func (r *volumeContext) MarshalJSON() ([]byte, error) { return format.MarshalRow(r) }

func (r *volumeContext) Name() string       { return r.v.Name }
func (r *volumeContext) Driver() string     { return r.v.Driver }
func (r *volumeContext) Scope() string      { return r.v.Scope }
func (r *volumeContext) Mountpoint() string { return r.v.Mountpoint }

// Labels joins k=v pairs with commas, sorted (the reference's follow a map).
func (r *volumeContext) Labels() string { return format.JoinLabels(r.v.Labels) }

// Label is the value of one label.
func (r *volumeContext) Label(name string) string { return r.v.Labels[name] }

// Links is the number of containers using the volume (known from system df only).
func (r *volumeContext) Links() string {
	if r.v.UsageData == nil {
		return "N/A"
	}
	return strconv.FormatInt(r.v.UsageData.RefCount, 10)
}

// Size is the volume's disk usage (known from system df only).
func (r *volumeContext) Size() string {
	if r.v.UsageData == nil || r.v.UsageData.Size == -1 {
		return "N/A"
	}
	return format.HumanSizeWithPrecision(r.v.UsageData.Size, 3)
}

// The cluster fields: plain volumes have none.
func (r *volumeContext) Group() string        { return "N/A" }
func (r *volumeContext) Availability() string { return "N/A" }
func (r *volumeContext) Status() string       { return "N/A" }
