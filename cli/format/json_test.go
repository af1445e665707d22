package format

import "testing"

type otherRow struct{ n int }

func (r *otherRow) Count() int             { return r.n }
func (r *otherRow) Tags() []string         { return []string{"<x>"} }
func (r *otherRow) Check() error           { return nil } // not a field
func (r *otherRow) Pair() (string, string) { return "", "" }
func (r *otherRow) hidden() string         { return "" }

func TestMarshalRow(t *testing.T) {
	tests := []struct {
		name    string
		row     any
		exclude []string
		want    string
	}{
		{
			name: "methods sorted, HTML escaped, nil pointer is null",
			row:  testRows[1],
			want: `{"ID":"cd8df5cdf86d","Image":"compat-busybox:latest","Labels":"a.b-c=x,h=\u003cb\u003e\u0026,wide=日本語","Names":"hx-fmt1","Platform":null}`,
		},
		{
			name:    "excluded methods are left out",
			row:     testRows[0],
			exclude: []string{"Labels", "Platform"},
			want:    `{"ID":"dd41349e7ae7","Image":"compat-busybox:latest","Names":"hx-fmt2"}`,
		},
		{
			name: "non-string values keep their JSON type; error results are skipped",
			row:  &otherRow{n: 3},
			want: `{"Count":3,"Tags":["\u003cx\u003e"]}`,
		},
		{name: "nil", row: nil, want: "null"},
	}
	for _, tt := range tests {
		got, err := MarshalRow(tt.row, tt.exclude...)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if string(got) != tt.want {
			t.Errorf("%s:\ngot  %s\nwant %s", tt.name, got, tt.want)
		}
	}
}
