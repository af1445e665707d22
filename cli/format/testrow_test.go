package format

import (
	"sort"
	"strings"
)

// testRow mimics a list command's row type: exported zero-arg methods are
// the template fields.
type testRow struct {
	id, names, image string
	labels           map[string]string
}

func (r testRow) ID() string                     { return r.id }
func (r testRow) Names() string                  { return r.names }
func (r testRow) Image() string                  { return r.image }
func (r testRow) Platform() *struct{ OS string } { return nil }
func (r testRow) Label(name string) string {
	return r.labels[name]
}
func (r testRow) Labels() string {
	var kv []string
	for k, v := range r.labels {
		kv = append(kv, k+"="+v)
	}
	sort.Strings(kv)
	return strings.Join(kv, ",")
}
func (r testRow) MarshalJSON() ([]byte, error) { return MarshalRow(r) }

var testHeader = Header{
	"ID":       "CONTAINER ID",
	"Names":    "NAMES",
	"Image":    "IMAGE",
	"Labels":   "LABELS",
	"Platform": "PLATFORM",
}

// testRows are the two containers the expected outputs were observed with.
var testRows = []testRow{
	{id: "dd41349e7ae7", names: "hx-fmt2", image: "compat-busybox:latest", labels: map[string]string{"a.b-c": "yy"}},
	{id: "cd8df5cdf86d", names: "hx-fmt1", image: "compat-busybox:latest", labels: map[string]string{"a.b-c": "x", "h": "<b>&", "wide": "日本語"}},
}
