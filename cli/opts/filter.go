package opts

import (
	"errors"
	"strings"

	"github.com/dockerclone/docker/cli/engine"
)

// Filter is the repeatable -f/--filter name=value flag of every list and
// prune command, shown as "filter" in help, collecting into the daemon's
// filter argument. The zero value is ready to use.
type Filter struct{ f engine.Filters }

// NewFilter returns an empty Filter.
func NewFilter() *Filter { return &Filter{f: engine.Filters{}} }

var errFilterFormat = errors.New("bad format of filter (expected name=value)")

// Set records name=value; the name is lower-cased and both sides trimmed, as
// the daemon's own parser does. An empty value is ignored, as the reference
// does (scripts pass -f "$VAR" with VAR unset).
func (v *Filter) Set(s string) error {
	if s == "" {
		return nil
	}
	name, value, ok := strings.Cut(s, "=")
	if !ok {
		return errFilterFormat
	}
	if v.f == nil {
		v.f = engine.Filters{}
	}
	v.f.Add(strings.ToLower(strings.TrimSpace(name)), strings.TrimSpace(value))
	return nil
}

func (v *Filter) String() string { return "" }
func (v *Filter) Type() string   { return "filter" }

// Value returns the filters collected so far (nil-safe for a zero Filter).
func (v *Filter) Value() engine.Filters {
	if v == nil || v.f == nil {
		return engine.Filters{}
	}
	return v.f
}
