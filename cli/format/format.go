// Package format renders list and inspect output the way the reference CLI
// does: `table` layouts with a header row, `json` lines, and Go templates
// with the reference's template functions.
package format

import (
	"io"
	"strings"
	"text/template"
)

const (
	tableKey = "table"
	jsonKey  = "json"
	// jsonTemplate is what `--format json` means: one object per row.
	jsonTemplate = "{{json .}}"
)

// escapes turns the two-character sequences users type on a shell command
// line into the characters they mean. Only list formats get this; inspect
// and version templates are taken literally.
var escapes = strings.NewReplacer(`\t`, "\t", `\n`, "\n")

// Format is a parsed --format value. Parse it before any API call so a bad
// template fails without touching the daemon.
type Format struct {
	text   string // template text after directives and escapes were applied
	table  bool
	json   bool
	row    *template.Template
	header *template.Template // row template with header functions; tables only
}

// Parse interprets a list --format value:
//
//   - "" or "table": defaultTable is parsed instead (the command's default,
//     itself usually a "table ..." spec);
//   - "table <tmpl>": a tab-aligned table with a header row;
//   - "json": one JSON object per row ({{json .}});
//   - anything else: a template executed once per row.
//
// Spaces around the template are trimmed and literal `\t`, `\n` become TAB
// and LF. The returned error is text/template's own, so callers can add the
// prefix their command uses.
func Parse(spec, defaultTable string) (*Format, error) {
	if spec == "" || spec == tableKey {
		if defaultTable == "" || defaultTable == tableKey {
			// Guard against a default that would point back at itself.
			defaultTable = tableKey + " "
		}
		return Parse(defaultTable, "")
	}
	f := &Format{}
	text := spec
	switch {
	case strings.HasPrefix(spec, tableKey):
		// The reference only checks the prefix: "tablex" is a table whose
		// template is "x".
		f.table = true
		text = spec[len(tableKey):]
	case spec == jsonKey:
		f.json = true
		text = jsonTemplate
	}
	// Only spaces are trimmed: "table\t{{.X}}" keeps its leading TAB.
	text = escapes.Replace(strings.Trim(text, " "))
	f.text = text

	tmpl, err := ParseTemplate("", text)
	if err != nil {
		return nil, err
	}
	f.row = tmpl
	if f.table {
		hdr, err := tmpl.Clone()
		if err != nil {
			return nil, err
		}
		f.header = hdr.Funcs(headerFuncs)
	}
	return f, nil
}

// ParseTemplate parses text as-is (no directives, no escape replacement)
// with the reference's functions. It is what inspect and version use; name
// appears in error messages ("template: version:1: ...").
func ParseTemplate(name, text string) (*template.Template, error) {
	return template.New(name).Funcs(FuncMap()).Parse(text)
}

// IsTable reports whether rows are aligned under a header.
func (f *Format) IsTable() bool { return f.table }

// IsJSON reports whether the spec was exactly "json".
func (f *Format) IsJSON() bool { return f.json }

// Text is the template text actually executed for each row.
func (f *Format) Text() string { return f.text }

// Execute runs the row template once over v, with nothing added: for
// commands that render one object rather than rows.
func (f *Format) Execute(w io.Writer, v any) error { return f.row.Execute(w, v) }
