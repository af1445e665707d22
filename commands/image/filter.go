package image

import (
	"errors"
	"strings"

	"github.com/dockerclone/docker/cli/engine"
)

// filterValue is a repeatable -f/--filter name=value flag, shown as "filter"
// in help. It could move to cli/opts once another group needs it.
type filterValue struct{ f engine.Filters }

func newFilterValue() *filterValue { return &filterValue{f: engine.Filters{}} }

var errFilterFormat = errors.New("bad format of filter (expected name=value)")

// Set records name=value; the name is lower-cased and both sides trimmed, as
// the daemon's own parser does.
func (v *filterValue) Set(s string) error {
	name, value, ok := strings.Cut(s, "=")
	if !ok {
		return errFilterFormat
	}
	v.f.Add(strings.ToLower(strings.TrimSpace(name)), strings.TrimSpace(value))
	return nil
}

func (v *filterValue) String() string { return "" }
func (v *filterValue) Type() string   { return "filter" }
