package format

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

func TestListSpec(t *testing.T) {
	tests := []struct {
		spec, configured string
		quiet            bool
		want             string
	}{
		{"", "", false, "TABLE"},
		{"", "", true, "QUIET"},
		{"table", "", true, "QUIET"},
		{"", "{{.X}}", false, "{{.X}}"},
		{"", "table", true, "QUIET"},
		{"{{.Y}}", "{{.X}}", true, "{{.Y}}"}, // a custom format wins over -q
		{"json", "", true, "json"},
	}
	for _, tt := range tests {
		if got := ListSpec(tt.spec, tt.configured, tt.quiet, "TABLE", "QUIET"); got != tt.want {
			t.Errorf("ListSpec(%q, %q, %v) = %q, want %q", tt.spec, tt.configured, tt.quiet, got, tt.want)
		}
	}
}

func TestWriteRows(t *testing.T) {
	tests := []struct{ spec, want, err string }{
		{"{{.}}", "2\n4\n", ""},
		{"{{.Bogus}}", "", "template parsing error: template: :1:2: executing \"\" at <.Bogus>: can't evaluate field Bogus in type int"},
	}
	for _, tt := range tests {
		f, err := Parse(tt.spec, "")
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		err = WriteRows(NewWriter(&out, f, nil), []int{1, 2}, func(i *int) any { return *i * 2 })
		got := ""
		if err != nil {
			got = err.Error()
		}
		if out.String() != tt.want || got != tt.err {
			t.Errorf("%s: printed %q, error %q; want %q, %q", tt.spec, out.String(), got, tt.want, tt.err)
		}
	}
}

func TestInspectEach(t *testing.T) {
	var out bytes.Buffer
	w, err := NewInspect(&out, "{{.Name}}")
	if err != nil {
		t.Fatal(err)
	}
	err = w.Each([]string{"a", "missing", "b"}, func(name string) error {
		if name == "missing" {
			return errors.New("No such object: " + name)
		}
		return w.Add([]byte(`{"Name":"`+strings.ToUpper(name)+`"}`), nil)
	})
	if out.String() != "A\nB\n" || err == nil || err.Error() != "No such object: missing" {
		t.Errorf("printed %q, error %v", out.String(), err)
	}
}
