package format

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"unicode"
)

// fuzzRow is a list row as commands hand them to a template.
type fuzzRow struct {
	ID, Names string
	Labels    map[string]string
	Sizes     []int
}

func (r fuzzRow) Label(name string) string { return r.Labels[name] }

// errFull stops a template that writes without end.
var errFull = errors.New("output limit")

type limitedWriter struct{ n int }

func (w *limitedWriter) Write(p []byte) (int, error) {
	w.n += len(p)
	if w.n > 1<<20 {
		return 0, errFull
	}
	return len(p), nil
}

// hugeLoop reports a template that could loop for long ({{range 999999999}}):
// such input is the user's own and not what this target looks for.
func hugeLoop(s string) bool {
	digits := 0
	for _, r := range s {
		if unicode.IsDigit(r) {
			digits++
			if digits > 4 {
				return true
			}
		} else {
			digits = 0
		}
	}
	return false
}

// --format templates: parsing and running one on a row or a header never
// panics (errors are the template's own).
func FuzzFormat(f *testing.F) {
	for _, s := range []string{"table {{.ID}}\t{{.Names}}", "json", "{{json .}}", `{{.Label "com.x-y"}}`,
		`{{join .Sizes ","}}`, `{{range .Sizes}}{{.}}{{end}}`, `{{pad .ID 2 3}}{{truncate .Names 3}}{{title .ID}}`,
		`table {{upper .ID}}\n{{lower .Names}}`, `{{split .Names ","}}`, "{{.Missing}}", "{{"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, spec string) {
		if hugeLoop(spec) || strings.Contains(spec, "template") {
			return
		}
		fm, err := Parse(spec, "table {{.ID}}")
		if err != nil {
			return
		}
		w := NewWriter(&limitedWriter{}, fm, Header{"ID": "CONTAINER ID", "Names": "NAMES"})
		row := fuzzRow{ID: "0123456789ab", Names: "a,b", Labels: map[string]string{"com.x-y": "v"}, Sizes: []int{1, 2}}
		_ = w.Write(row)
		_ = w.Flush()
	})
}

// inspect re-indents whatever JSON the daemon sends and runs templates on it.
func FuzzInspect(f *testing.F) {
	f.Add([]byte(`{"Id":"abc","Config":{"Labels":{"b":"1","a":"2"}},"State":{"Running":true},"Mounts":[]}`), "{{json .Config}}")
	f.Add([]byte(`[1,2,{"x":null}]`), "")
	f.Add([]byte(`{"a":1e400}`), "json")
	f.Fuzz(func(t *testing.T, raw []byte, spec string) {
		if hugeLoop(spec) || strings.Contains(spec, "template") {
			return
		}
		var out bytes.Buffer
		w, err := NewInspect(&out, spec)
		if err != nil {
			return
		}
		_ = w.Add(raw, nil)
		var shaped struct{ Id string }
		_ = w.Add(raw, &shaped)
		_ = w.Flush()
	})
}
