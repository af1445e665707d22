package format

import (
	"bytes"
	"strings"
	"testing"
)

// render parses spec and writes rows the way a list command does.
func render(t *testing.T, spec, def string, rows []testRow) string {
	t.Helper()
	f, err := Parse(spec, def)
	if err != nil {
		t.Fatalf("Parse(%q): %v", spec, err)
	}
	var out bytes.Buffer
	w := NewWriter(&out, f, testHeader)
	for _, r := range rows {
		if err := w.Write(r); err != nil {
			t.Fatalf("Write: %v", err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatalf("Flush: %v", err)
	}
	return out.String()
}

// Expected outputs were observed from the reference CLI with the same data.
func TestWriterOutput(t *testing.T) {
	tests := []struct {
		name, spec, def string
		rows            []testRow
		want            string
	}{
		{
			name: "table aligns columns",
			spec: `table {{.ID}}\t{{.Names}}`,
			rows: testRows,
			want: "CONTAINER ID   NAMES\ndd41349e7ae7   hx-fmt2\ncd8df5cdf86d   hx-fmt1\n",
		},
		{
			name: "header of Label is the last key segment, spaced, case kept",
			spec: `table {{.Label "a.b-c"}}\t{{.Label "wide"}}\t{{.Names}}`,
			rows: testRows,
			want: "b c       wide      NAMES\nyy                  hx-fmt2\nx         日本語    hx-fmt1\n",
		},
		{
			name: "empty last column leaves trailing padding of the previous cell",
			spec: `table {{.Names}}\t{{.Label "wide"}}\t{{.Label "x_y.z_q-r"}}`,
			rows: testRows,
			want: "NAMES     wide      z q r\nhx-fmt2             \nhx-fmt1   日本語    \n",
		},
		{
			name: "wide characters count two cells",
			spec: `table {{.Names}}\t{{.Labels}}\t{{.ID}}`,
			rows: testRows,
			want: "NAMES     LABELS                       CONTAINER ID\n" +
				"hx-fmt2   a.b-c=yy                     dd41349e7ae7\n" +
				"hx-fmt1   a.b-c=x,h=<b>&,wide=日本語   cd8df5cdf86d\n",
		},
		{
			name: "header functions return the title unchanged",
			spec: `table {{json .Names}}\t{{upper .Names}}\t{{lower .ID}}|`,
			rows: testRows,
			want: "NAMES       NAMES     CONTAINER ID|\n\"hx-fmt2\"   HX-FMT2   dd41349e7ae7|\n\"hx-fmt1\"   HX-FMT1   cd8df5cdf86d|\n",
		},
		{
			name: "pad applies to the header, truncate and title do not",
			spec: `table {{pad .Names 1 2}}|{{truncate .Names 3}}|{{title .Names}}`,
			rows: testRows,
			want: " NAMES  |NAMES|NAMES\n hx-fmt2  |hx-|Hx-Fmt2\n hx-fmt1  |hx-|Hx-Fmt1\n",
		},
		{
			name: "split and join",
			spec: `table {{split .Names "-"}}|{{join (split .Names "-") ","}}`,
			rows: testRows,
			want: "NAMES|NAMES\n[hx fmt2]|hx,fmt2\n[hx fmt1]|hx,fmt1\n",
		},
		{
			name: "builtins run normally in the header",
			spec: `table {{printf "%s!" .Names}}|{{len .Names}}`,
			rows: testRows,
			want: "NAMES!|5\nhx-fmt2!|7\nhx-fmt1!|7\n",
		},
		{
			name: "json of the whole row gives an empty header",
			spec: `table {{json .}}`,
			rows: testRows[:1],
			want: "\n" + `{"ID":"dd41349e7ae7","Image":"compat-busybox:latest","Labels":"a.b-c=yy","Names":"hx-fmt2","Platform":null}` + "\n",
		},
		{
			name: "multi-line rows",
			spec: `table {{.Names}}\n{{.ID}}`,
			rows: testRows,
			want: "NAMES\nCONTAINER ID\nhx-fmt2\ndd41349e7ae7\nhx-fmt1\ncd8df5cdf86d\n",
		},
		{
			name: "table header is printed without rows",
			spec: "table",
			def:  `table {{.ID}}\t{{.Image}}\t{{.Names}}`,
			want: "CONTAINER ID   IMAGE     NAMES\n",
		},
		{
			name: "empty spec uses the default",
			spec: "",
			def:  `table {{.ID}}\t{{.Names}}`,
			rows: testRows[:1],
			want: "CONTAINER ID   NAMES\ndd41349e7ae7   hx-fmt2\n",
		},
		{
			name: "plain template is not aligned",
			spec: `{{.Names}}\t{{.ID}}`,
			rows: testRows,
			want: "hx-fmt2\tdd41349e7ae7\nhx-fmt1\tcd8df5cdf86d\n",
		},
		{
			name: "plain template prints nothing without rows",
			spec: `{{.Names}}`,
			want: "",
		},
		{
			name: "only the table prefix is checked",
			spec: "tablex",
			rows: testRows,
			want: "x\nx\nx\n",
		},
		{
			name: "table with only spaces is an empty template",
			spec: "table  ",
			rows: testRows,
			want: "\n\n\n",
		},
		{
			name: "a tab right after table is kept",
			spec: `table\t{{.Names}}`,
			rows: testRows,
			want: "          NAMES\n          hx-fmt2\n          hx-fmt1\n",
		},
		{
			name: "surrounding spaces are trimmed",
			spec: "  {{.Names}}  ",
			rows: testRows,
			want: "hx-fmt2\nhx-fmt1\n",
		},
		{
			name: "json must match exactly",
			spec: " json",
			rows: testRows,
			want: "json\njson\n",
		},
		{
			name: "json after table is literal",
			spec: "table json",
			rows: testRows[:1],
			want: "json\njson\n",
		},
		{
			name: "other escapes stay literal",
			spec: `{{.Names}}\r\n`,
			rows: testRows[:1],
			want: "hx-fmt2\\r\n\n",
		},
		{
			name: "escaped backslash before t still yields a tab",
			spec: `table {{.Names}}\x\\t`,
			rows: testRows,
			want: "NAMES\\x\\     \nhx-fmt2\\x\\   \nhx-fmt1\\x\\   \n",
		},
		{
			name: "json is one HTML-escaped object per line, keys sorted",
			spec: "json",
			rows: testRows,
			want: `{"ID":"dd41349e7ae7","Image":"compat-busybox:latest","Labels":"a.b-c=yy","Names":"hx-fmt2","Platform":null}` + "\n" +
				`{"ID":"cd8df5cdf86d","Image":"compat-busybox:latest","Labels":"a.b-c=x,h=\u003cb\u003e\u0026,wide=日本語","Names":"hx-fmt1","Platform":null}` + "\n",
		},
		{
			name: "json of a string is not HTML-escaped",
			spec: `{{json .Labels}}`,
			rows: testRows[1:],
			want: `"a.b-c=x,h=<b>&,wide=日本語"` + "\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := render(t, tt.spec, tt.def, tt.rows); got != tt.want {
				t.Errorf("got\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

func TestParseKind(t *testing.T) {
	tests := []struct {
		spec        string
		table, json bool
		text        string
	}{
		{spec: "table {{.ID}}", table: true, text: "{{.ID}}"},
		{spec: "json", json: true, text: "{{json .}}"},
		{spec: `{{.ID}}\t{{.Names}}\n`, text: "{{.ID}}\t{{.Names}}\n"},
		{spec: "TABLE {{.ID}}", text: "TABLE {{.ID}}"},
		{spec: "table", table: true, text: "{{.ID}}"},
	}
	for _, tt := range tests {
		f, err := Parse(tt.spec, "table {{.ID}}")
		if err != nil {
			t.Fatalf("Parse(%q): %v", tt.spec, err)
		}
		if f.IsTable() != tt.table || f.IsJSON() != tt.json || f.Text() != tt.text {
			t.Errorf("Parse(%q) = table %v json %v text %q, want %v %v %q",
				tt.spec, f.IsTable(), f.IsJSON(), f.Text(), tt.table, tt.json, tt.text)
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ spec, want string }{
		{"{{.Names", "template: :1: unclosed action"},
		{"table {{nofunc .Names}}", `template: :1: function "nofunc" not defined`},
		{"table", "template: :1: unclosed action"}, // the default is parsed too
	}
	for _, tt := range tests {
		_, err := Parse(tt.spec, "{{.Names")
		if err == nil || err.Error() != tt.want {
			t.Errorf("Parse(%q) error = %v, want %q", tt.spec, err, tt.want)
		}
	}
}

func TestParseTemplateKeepsEscapes(t *testing.T) {
	tmpl, err := ParseTemplate("version", `{{.}}\t{{upper "x"}}`)
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	if err := tmpl.Execute(&out, "a"); err != nil {
		t.Fatal(err)
	}
	if got, want := out.String(), `a\tX`; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	_, err = ParseTemplate("version", "{{.Client")
	if err == nil || err.Error() != "template: version:1: unclosed action" {
		t.Errorf("error = %v", err)
	}
}
