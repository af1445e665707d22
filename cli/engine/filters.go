package engine

import (
	"encoding/json"
	"net/url"
)

// Filters is the daemon's filter argument: key -> set of values.
type Filters map[string]map[string]bool

// Add records key=value.
func (f Filters) Add(key, value string) {
	if f[key] == nil {
		f[key] = map[string]bool{}
	}
	f[key][value] = true
}

// Get returns the values of key.
func (f Filters) Get(key string) []string {
	var out []string
	for v := range f[key] {
		out = append(out, v)
	}
	return out
}

func (f Filters) encode(q url.Values) {
	if len(f) == 0 {
		return
	}
	b, _ := json.Marshal(map[string]map[string]bool(f))
	q.Set("filters", string(b))
}
