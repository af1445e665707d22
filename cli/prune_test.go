package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/dockerclone/docker/cli/engine"
)

func TestPruneFilters(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "config.json"), []byte(`{"pruneFilters":["label=keep","label!=skip","until=24h","bogus"]}`), 0o600)
	var out bytes.Buffer
	c := New(Streams{In: NewIn(strings.NewReader("")), Out: NewOut(&out), Err: NewOut(&out)})
	c.Opts.ConfigDir = dir
	f := engine.Filters{}
	f.Add("label!", "keep") // the command line excludes what the config wants
	got := c.PruneFilters(f)
	want := engine.Filters{"label!": {"keep": true, "skip": true}, "until": {"24h": true}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %v", got)
	}
}
