package system

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dockerclone/docker/cli/clitest"
)

// TestVersionServer compares the server part with what the reference printed
// for the same /version reply (testdata/version-<engine>.json, captured from
// Docker 20.10 and Podman 4.3.1). Podman sends no "Engine" component: the
// reference synthesizes one from the top-level fields and lists it last.
func TestVersionServer(t *testing.T) {
	for _, engine := range []string{"docker", "podman"} {
		t.Run(engine, func(t *testing.T) {
			e := &clitest.Engine{Replies: map[string]clitest.Reply{"GET /version": {Body: readTestdata(t, "version-"+engine+".json")}}}
			r := clitest.Run(t, e, clitest.Options{}, newVersionCommand)
			if r.RunErr != nil {
				t.Fatal(r.RunErr)
			}
			_, server, ok := strings.Cut(r.Out, "\n\nServer:")
			if want := readTestdata(t, "version-"+engine+".golden"); !ok || "Server:"+server != want {
				t.Errorf("got:\n%s\nwant:\n%s", r.Out, want)
			}
			r = clitest.Run(t, e, clitest.Options{}, newVersionCommand, "--format", "{{json .Server}}")
			if want := readTestdata(t, "version-"+engine+"-json.golden"); r.Out != want {
				t.Errorf("json got:\n%s\nwant:\n%s", r.Out, want)
			}
		})
	}
}

// TestVersionNegotiatesDown: an engine newer than we know (API 1.57) is
// spoken to at our newest version, 1.50, like the reference 28.2.2; an older
// one at its own.
func TestVersionNegotiatesDown(t *testing.T) {
	for _, tc := range []struct{ engine, want, line string }{
		{"1.57", "1.50", " API version:       1.50\n"},
		{"1.41", "1.41", " API version:       1.41 (downgraded from 1.50)\n"},
	} {
		body := `{"Version":"99.0.0","ApiVersion":"` + tc.engine + `","MinAPIVersion":"1.40","Os":"linux","Arch":"amd64",` +
			`"Components":[{"Name":"Engine","Version":"99.0.0","Details":{"ApiVersion":"` + tc.engine + `","MinAPIVersion":"1.40"}}]}`
		e := &clitest.Engine{API: tc.engine, Replies: map[string]clitest.Reply{"GET /version": {Body: body}}}
		r := clitest.Run(t, e, clitest.Options{}, newVersionCommand)
		if r.RunErr != nil {
			t.Fatal(r.RunErr)
		}
		reqs := e.Requests()
		if len(reqs) != 1 || reqs[0].Version != tc.want {
			t.Errorf("engine %s: requests %+v, want one at /v%s/", tc.engine, reqs, tc.want)
		}
		if !strings.Contains(r.Out, "\n"+tc.line) || !strings.Contains(r.Out, "  API version:      "+tc.engine+" (minimum version 1.40)\n") {
			t.Errorf("engine %s: output\n%s", tc.engine, r.Out)
		}
	}
}

func readTestdata(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
