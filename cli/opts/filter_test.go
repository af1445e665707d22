package opts

import (
	"reflect"
	"testing"

	"github.com/dockerclone/docker/cli/engine"
)

func TestFilter(t *testing.T) {
	tests := []struct {
		name string
		in   []string
		want engine.Filters
		err  string
	}{
		{"names are lower-cased, both sides trimmed", []string{"Label = a=b ", "dangling=true", "label=c"},
			engine.Filters{"label": {"a=b": true, "c": true}, "dangling": {"true": true}}, ""},
		{"an empty value is ignored", []string{"", "name=x", ""}, engine.Filters{"name": {"x": true}}, ""},
		{"only empty values", []string{""}, engine.Filters{}, ""},
		{"an empty name goes to the daemon", []string{"=x"}, engine.Filters{"": {"x": true}}, ""},
		{"no equals sign", []string{"nope"}, engine.Filters{}, "bad format of filter (expected name=value)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var f Filter // the zero value works
			var err error
			for _, s := range tt.in {
				if err = f.Set(s); err != nil {
					break
				}
			}
			if got := errText(err); got != tt.err {
				t.Fatalf("err %q, want %q", got, tt.err)
			}
			if !reflect.DeepEqual(f.Value(), tt.want) {
				t.Fatalf("got %v, want %v", f.Value(), tt.want)
			}
		})
	}
	var zero *Filter
	if len(zero.Value()) != 0 || NewFilter().Type() != "filter" {
		t.Fatal("nil value or type")
	}
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
