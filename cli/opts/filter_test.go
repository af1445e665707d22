package opts

import (
	"reflect"
	"testing"

	"github.com/dockerclone/docker/cli/engine"
)

func TestFilter(t *testing.T) {
	f := NewFilter()
	for _, s := range []string{"Label = a=b ", "dangling=true", "label=c"} {
		if err := f.Set(s); err != nil {
			t.Fatal(err)
		}
	}
	want := engine.Filters{"label": {"a=b": true, "c": true}, "dangling": {"true": true}}
	if !reflect.DeepEqual(f.Value(), want) {
		t.Fatalf("got %v", f.Value())
	}
	if err := f.Set("nope"); err == nil || err.Error() != "bad format of filter (expected name=value)" {
		t.Fatalf("err %v", err)
	}
	var zero *Filter
	if len(zero.Value()) != 0 || f.Type() != "filter" {
		t.Fatal("zero value or type")
	}
}
