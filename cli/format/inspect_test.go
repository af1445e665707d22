package format

import (
	"bytes"
	"strings"
	"testing"
)

// inspectShape stands in for a type of package shapes: fewer fields than
// the JSON, a list and a pointer that the JSON leaves null.
type inspectShape struct {
	ID     string `json:"Id"`
	Name   string
	Cmd    []string
	Limit  *int64
	Config *inspectShapeConfig
}

type inspectShapeConfig struct {
	Z, A string
	Env  []string `json:",omitempty"`
}

const (
	inspectObj1 = `{"Id":"c1","Name":"/one","Cmd":null,"Limit":null,"Config":{"Z":"z<","A":"a","Env":null,"Extra":1984210},"Extra":{"b":1,"a":null}}`
	inspectObj2 = `{"Id":"c2","Name":"/two","Config":{"Z":"","A":""}}`
)

type inspectAdd struct {
	raw   string
	shape bool // decode into an inspectShape first
	value any  // AddValue instead of Add
}

func TestInspect(t *testing.T) {
	both := []inspectAdd{{raw: inspectObj1, shape: true}, {raw: inspectObj2, shape: true}}
	tests := []struct {
		name, spec string
		adds       []inspectAdd
		out        string
		errs       []string
	}{
		{
			name: "default: one array indented by four spaces, keys and escapes as sent", adds: both[:1],
			out: "[\n    {\n        \"Id\": \"c1\",\n        \"Name\": \"/one\",\n        \"Cmd\": null,\n        \"Limit\": null,\n        \"Config\": {\n" +
				"            \"Z\": \"z<\",\n            \"A\": \"a\",\n            \"Env\": null,\n            \"Extra\": 1984210\n        },\n" +
				"        \"Extra\": {\n            \"b\": 1,\n            \"a\": null\n        }\n    }\n]\n",
		},
		{name: "default, nothing found", out: "[]\n"},
		{name: "json: the same array on one line", spec: "json", adds: both, out: "[" + inspectObj1 + "," + inspectObj2 + "]\n"},
		{name: "json, nothing found", spec: "json", out: "[]\n"},
		{
			name: "template on the shape: typed zero values, the type's json order, no HTML escaping",
			spec: `{{.ID}} {{.Cmd}} {{.Limit}} {{json .Config}} {{json .Cmd}}`, adds: both,
			out: "c1 [] <nil> {\"Z\":\"z<\",\"A\":\"a\"} null\nc2 [] <nil> {\"Z\":\"\",\"A\":\"\"} null\n",
		},
		{
			// A key the shape lacks sends the template to the decoded JSON,
			// where maps print sorted, null is <no value> and numbers whole.
			name: "fallback to the decoded JSON", spec: `{{.Id}} {{.Extra.b}} {{json .Extra}} {{.Cmd}} {{.Config.Extra}} {{json .Config}}`,
			adds: both[:1],
			out:  "c1 1 {\"a\":null,\"b\":1} <no value> 1984210 {\"A\":\"a\",\"Env\":null,\"Extra\":1984210,\"Z\":\"z<\"}\n",
		},
		{
			name: "a key neither has: the decoded JSON's error, other objects still print",
			spec: `{{.Name}}{{.Extra.b}}`, adds: []inspectAdd{{raw: inspectObj2, shape: true}, {raw: inspectObj1, shape: true}, {raw: inspectObj2, shape: true}},
			out: "/one1\n",
			errs: []string{
				`template parsing error: template: :1:17: executing "" at <.Extra.b>: map has no entry for key "Extra"`,
				`template parsing error: template: :1:17: executing "" at <.Extra.b>: map has no entry for key "Extra"`,
			},
		},
		{
			name: "nothing rendered: a lone newline", spec: `{{.Bogus}}`, adds: both[:1], out: "\n",
			errs: []string{`template parsing error: template: :1:2: executing "" at <.Bogus>: map has no entry for key "Bogus"`},
		},
		{
			name: "no shape: json keeps the daemon's key order, null is <no value>",
			spec: `{{json .Config}} {{json .Extra}} {{.Cmd}} {{index .Config "Extra"}}`, adds: []inspectAdd{{raw: inspectObj1}},
			out: "{\"Z\":\"z<\",\"A\":\"a\",\"Env\":null,\"Extra\":1984210} {\"b\":1,\"a\":null} <no value> 1984210\n",
		},
		{
			name: "functions of every format", spec: `{{upper .Name}} {{join .Cmd ","}} {{truncate .ID 1}}|{{pad .ID 1 1}}|`,
			adds: []inspectAdd{{raw: `{"Id":"c1","Name":"/one","Cmd":["a","b"]}`, shape: true}},
			out:  "/ONE a,b c| c1 |\n",
		},
		{
			name: "a function failing", spec: `{{truncate .Name -1}}`, adds: both[:1], out: "\n",
			errs: []string{`template parsing error: template: :1:2: executing "" at <truncate .Name -1>: error calling truncate: runtime error: slice bounds out of range [:-1]`},
		},
		{
			name: "values: encoding/json's JSON (HTML escaped)", adds: []inspectAdd{{value: inspectShapeConfig{Z: "<", A: "a"}}},
			out: "[\n    {\n        \"Z\": \"\\u003c\",\n        \"A\": \"a\"\n    }\n]\n",
		},
		{
			name: "values: templates run on the value alone", spec: `{{.A}}{{.Bogus}}`,
			adds: []inspectAdd{{value: inspectShapeConfig{A: "a"}}}, out: "\n",
			errs: []string{`template parsing error: template: :1:8: executing "" at <.Bogus>: can't evaluate field Bogus in type format.inspectShapeConfig`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			w, err := NewInspect(&out, tt.spec)
			if err != nil {
				t.Fatal(err)
			}
			var errs []string
			for _, a := range tt.adds {
				var err error
				switch {
				case a.value != nil:
					err = w.AddValue(a.value)
				case a.shape:
					err = w.Add([]byte(a.raw), new(inspectShape))
				default:
					err = w.Add([]byte(a.raw), nil)
				}
				if err != nil {
					errs = append(errs, err.Error())
				}
			}
			if err := w.Flush(); err != nil {
				t.Fatal(err)
			}
			if out.String() != tt.out {
				t.Errorf("output\n%q\nwant\n%q", out.String(), tt.out)
			}
			if strings.Join(errs, "\n") != strings.Join(tt.errs, "\n") {
				t.Errorf("errors\n%q\nwant\n%q", errs, tt.errs)
			}
		})
	}
}

func TestInspectParseError(t *testing.T) {
	var out bytes.Buffer
	_, err := NewInspect(&out, "{{.Name")
	const want = "template parsing error: template: :1: unclosed action"
	if err == nil || err.Error() != want {
		t.Errorf("error %v, want %q", err, want)
	}
	if out.Len() != 0 {
		t.Errorf("wrote %q", out.String())
	}
}

func TestInspectBadJSON(t *testing.T) {
	var out bytes.Buffer
	w, _ := NewInspect(&out, "")
	_ = w.Add([]byte(`{"Id":`), nil)
	if err := w.Flush(); err == nil || !strings.HasPrefix(err.Error(), "unable to read inspect data: ") {
		t.Errorf("error %v", err)
	}
	w, _ = NewInspect(&out, "{{.Id}}")
	if err := w.Add([]byte(`{"Id":`), nil); err == nil || !strings.HasPrefix(err.Error(), "unable to read inspect data: ") {
		t.Errorf("error %v", err)
	}
}
