package format

import (
	"strings"
	"testing"
)

func TestFuncs(t *testing.T) {
	tests := []struct {
		tmpl string
		data any
		want string
	}{
		{`{{pad . 1 2}}|`, "a", " a  |"},
		{`{{pad . 2 2}}|`, "", "|"},
		{`{{pad . 0 1}}|`, "a", "a |"},
		{`{{truncate . 3}}`, "hx-fmt1", "hx-"},
		{`{{truncate . 30}}`, "hx-fmt1", "hx-fmt1"},
		{`{{truncate . 3}}`, "日本", "日"}, // bytes, not runes
		{`{{split . ","}}`, "a,b,c", "[a b c]"},
		{`{{join . "-"}}`, []string{"a", "b"}, "a-b"},
		{`{{join (split . ",") "+"}}`, "a,b", "a+b"},
		{`{{title .}}`, "ab'cd x.y hello_world ǆx 1a éb ABC", "Ab'Cd X.Y Hello_world ǅx 1a Éb ABC"},
		{`{{upper .}}`, "ǆ straße", "Ǆ STRAßE"},
		{`{{lower .}}`, "HX-FMT", "hx-fmt"},
		{`{{json .}}`, "<b>&", `"<b>&"`},
		{`{{json .}}`, []string{"a", "b"}, `["a","b"]`},
		{`{{json 1.5}}{{json nil}}`, nil, "1.5null"},
		{`{{json .}}`, map[string]string{"b": "1", "a": "2"}, `{"a":"2","b":"1"}`},
		{`{{printf "%d" (len .)}}`, "abc", "3"},
	}
	for _, tt := range tests {
		tmpl, err := ParseTemplate("", tt.tmpl)
		if err != nil {
			t.Fatalf("%s: %v", tt.tmpl, err)
		}
		var out strings.Builder
		if err := tmpl.Execute(&out, tt.data); err != nil {
			t.Fatalf("%s: %v", tt.tmpl, err)
		}
		if out.String() != tt.want {
			t.Errorf("%s with %q = %q, want %q", tt.tmpl, tt.data, out.String(), tt.want)
		}
	}
}

func TestFuncMapIsACopy(t *testing.T) {
	m := FuncMap()
	delete(m, "json")
	if _, ok := FuncMap()["json"]; !ok {
		t.Error("changing a returned FuncMap changed the next one")
	}
}
