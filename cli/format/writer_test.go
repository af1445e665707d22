package format

import (
	"bytes"
	"strings"
	"testing"
)

func TestWriterExecuteError(t *testing.T) {
	tests := []struct{ spec, want string }{
		{`{{.Names}}\t{{.Bogus}}`, `template: :1:13: executing "" at <.Bogus>: can't evaluate field Bogus in type format.testRow`},
		{`table {{.Names}}\t{{.Bogus}}`, `template: :1:13: executing "" at <.Bogus>: can't evaluate field Bogus in type format.testRow`},
		{`{{truncate .Names -1}}`, `template: :1:2: executing "" at <truncate .Names -1>: error calling truncate: runtime error: slice bounds out of range [:-1]`},
		{`{{json}}`, `template: :1:2: executing "" at <json>: wrong number of args for json: want 1 got 0`},
	}
	for _, tt := range tests {
		f, err := Parse(tt.spec, "")
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		w := NewWriter(&out, f, testHeader)
		err = w.Write(testRows[0])
		if err == nil || err.Error() != tt.want {
			t.Errorf("%s: Write error = %v, want %q", tt.spec, err, tt.want)
		}
		// The writer stays failed and prints nothing, not even a header.
		if err2 := w.Write(testRows[1]); err2 != err {
			t.Errorf("%s: second Write error = %v, want the first", tt.spec, err2)
		}
		if err2 := w.Flush(); err2 != err {
			t.Errorf("%s: Flush error = %v, want the first", tt.spec, err2)
		}
		if out.Len() != 0 {
			t.Errorf("%s: printed %q after a failure", tt.spec, out.String())
		}
	}
}

func TestWriterFailureDropsBufferedRows(t *testing.T) {
	f, err := Parse(`{{if eq .Names "hx-fmt1"}}{{.Bogus}}{{end}}{{.Names}}`, "")
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	w := NewWriter(&out, f, testHeader)
	if err := w.Write(testRows[0]); err != nil {
		t.Fatal(err)
	}
	if err := w.Write(testRows[1]); err == nil {
		t.Fatal("want an error for the second row")
	}
	if err := w.Flush(); err == nil {
		t.Fatal("Flush after a failed Write must fail")
	}
	if out.Len() != 0 {
		t.Errorf("printed %q", out.String())
	}
}

// Plain templates stream: output reaches the writer before Flush once the
// buffer fills, rather than being held for the whole listing.
func TestWriterStreamsTemplates(t *testing.T) {
	f, err := Parse("{{.ID}}", "")
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	w := NewWriter(&out, f, nil)
	row := testRow{id: strings.Repeat("x", 999)}
	for range 100 {
		if err := w.Write(row); err != nil {
			t.Fatal(err)
		}
	}
	if out.Len() == 0 || out.Len() >= 100*1000 {
		t.Errorf("before Flush %d bytes were written, want some but not all", out.Len())
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if out.Len() != 100*1000 {
		t.Errorf("after Flush %d bytes, want %d", out.Len(), 100*1000)
	}
}

func TestHeaderLabel(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a.b-c", "b c"},
		{"com.example.build_id", "build id"},
		{"A_B", "A B"},
		{"xyz", "xyz"},
		{"a.", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := (Header{}).Label(tt.in); got != tt.want {
			t.Errorf("Label(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestHeaderWithUpper(t *testing.T) {
	h := Header{"ID": "NETWORK ID"}.WithUpper("Name", "IPv4")
	want := Header{"ID": "NETWORK ID", "Name": "NAME", "IPv4": "IPV4"}
	if len(h) != len(want) {
		t.Fatalf("got %v", h)
	}
	for k, v := range want {
		if h[k] != v {
			t.Errorf("%s: got %q, want %q", k, h[k], v)
		}
	}
}
