package image

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/dockerclone/docker/cli/clitest"
)

// TestListTree draws engine replies the reference drew into
// testdata/tree/<data>-<case>.golden (on a pipe, and in a terminal of the
// width the name says), byte for byte.
func TestListTree(t *testing.T) {
	goldens, _ := filepath.Glob("testdata/tree/*.golden")
	if len(goldens) == 0 {
		t.Fatal("no goldens")
	}
	for _, golden := range goldens {
		name := strings.TrimSuffix(filepath.Base(golden), ".golden")
		t.Run(name, func(t *testing.T) {
			data, variant, _ := strings.Cut(name, "-tty")
			var o clitest.Options
			if variant != "" {
				width, _ := strconv.Atoi(variant)
				o.StdoutTTY = &clitest.Terminal{Width: uint(width), Height: 50}
			} else {
				variant = strings.TrimSuffix(data, "-pipe")
				data = variant
			}
			args := []string{"--tree"}
			if d, ok := strings.CutSuffix(data, "-all"); ok {
				data, args = d, append(args, "-a")
			}
			body, err := os.ReadFile("testdata/tree/" + data + ".json")
			if err != nil {
				t.Fatal(err)
			}
			want, _ := os.ReadFile(golden)
			e := &clitest.Engine{API: "1.47", Replies: map[string]clitest.Reply{"GET /images/json": {Body: string(body)}}}
			r := clitest.Run(t, e, o, newListCommand, args...)
			if r.RunErr != nil || r.Out != string(want) {
				t.Fatalf("err %v\ngot:\n%s\nwant:\n%s", r.RunErr, r.Out, want)
			}
			query := "manifests=1"
			if len(args) > 1 {
				query = "all=1&manifests=1"
			}
			if q := e.Requests()[0].Query; q != query {
				t.Errorf("query %s", q)
			}
		})
	}
}

func TestListTreeRefuses(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"-q", "--no-trunc"}, "--quiet is not yet supported with --tree"},
		{[]string{"--no-trunc", "--digests"}, "--no-trunc is not yet supported with --tree"},
		{[]string{"--digests", "--format", "x"}, "--show-digest is not yet supported with --tree"},
		{[]string{"--format", "table"}, "--format is not yet supported with --tree"},
	} {
		e := &clitest.Engine{API: "1.50"}
		r := clitest.Run(t, e, clitest.Options{}, newListCommand, append([]string{"--tree"}, tt.args...)...)
		if r.ErrText() != tt.want || len(e.Requests()) != 0 {
			t.Errorf("%v: err %v, requests %v", tt.args, r.RunErr, e.Lines())
		}
	}
	// An engine older than 1.47 is refused first, as the reference does.
	r := clitest.Run(t, &clitest.Engine{}, clitest.Options{}, newListCommand, "--tree", "-q")
	if r.ErrText() != `"--tree" requires API version 1.47, but the Docker daemon API version is 1.41` {
		t.Errorf("gate: %v", r.RunErr)
	}
}
