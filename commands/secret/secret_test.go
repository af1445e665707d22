package secret

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/dockerclone/docker/cli/clitest"
)

func TestCreate(t *testing.T) {
	file := filepath.Join(t.TempDir(), "s")
	if err := os.WriteFile(file, []byte("topsecret"), 0o600); err != nil {
		t.Fatal(err)
	}
	empty := filepath.Join(t.TempDir(), "empty")
	_ = os.WriteFile(empty, nil, 0o600)
	cases := []struct {
		args      []string
		stdin     string
		body, err string
	}{
		{[]string{"s1", file}, "", `{"Name":"s1","Labels":{},"Data":"dG9wc2VjcmV0"}`, ""},
		{[]string{"-l", "a=b", "--label", "c", "--template-driver", "golang", "s2", "-"}, "hello", `{"Name":"s2","Labels":{"a":"b","c":""},"Data":"aGVsbG8=","Templating":{"Name":"golang"}}`, ""},
		{[]string{"-d", "vault", "s3"}, "", `{"Name":"s3","Labels":{},"Driver":{"Name":"vault"}}`, ""},
		{[]string{"-d", "vault", "s4", file}, "", "", "When using secret driver secret data must be empty"},
		{[]string{"s5"}, "", "", "secret file is required"},
		{[]string{"s6", "-"}, "", "", "error reading from STDIN: data is empty"},
		{[]string{"s7", empty}, "", "", "error reading from " + empty + ": data is empty"},
		{[]string{"s8", "/nonexistent"}, "", "", "error reading from /nonexistent: open /nonexistent: no such file or directory"},
		{[]string{"-l", "=x", "s9", file}, "", "", `invalid argument "=x" for "-l, --label" flag: invalid label '=x': empty name`},
	}
	for _, tc := range cases {
		e := &clitest.Engine{Replies: map[string]clitest.Reply{"POST /secrets/create": {Status: 201, Body: `{"ID":"sid"}`}}}
		r := clitest.Run(t, e, clitest.Options{Stdin: tc.stdin}, newCreateCommand, tc.args...)
		if r.ErrText() != tc.err {
			t.Errorf("%v: err %q", tc.args, r.ErrText())
			continue
		}
		if tc.err == "" && (r.Out != "sid\n" || e.Requests()[0].Body != tc.body) {
			t.Errorf("%v: out %q body %s", tc.args, r.Out, e.Requests()[0].Body)
		}
	}
}

const secrets = `[{"ID":"id10","CreatedAt":"2020-01-01T00:00:00Z","UpdatedAt":"2020-01-01T00:00:00Z","Spec":{"Name":"s10","Labels":{"b":"2","a":""}}},
 {"ID":"id2","CreatedAt":"2020-01-01T00:00:00Z","UpdatedAt":"2020-01-01T00:00:00Z","Spec":{"Name":"s2","Labels":{},"Driver":{"Name":"vault"}}}]`

func TestListAndInspect(t *testing.T) {
	e := &clitest.Engine{Replies: map[string]clitest.Reply{
		"GET /secrets":     {Body: secrets},
		"GET /secrets/id2": {Body: `{"ID":"id2","CreatedAt":"2020-01-01T00:00:00Z","UpdatedAt":"2020-01-02T00:00:00Z","Spec":{"Name":"s2","Labels":{"k":"v","e":""},"Driver":{"Name":"vault"}}}`},
	}}
	r := clitest.Run(t, e, clitest.Options{}, newListCommand, "--format", "{{.ID}} {{.Name}} {{.Driver}} {{.Labels}} {{.Label \"b\"}}")
	if r.Out != "id2 s2 vault  \nid10 s10  a=,b=2 2\n" {
		t.Fatalf("ls: %q", r.Out)
	}
	r = clitest.Run(t, e, clitest.Options{}, newInspectCommand, "--pretty", "id2")
	want := "ID:              id2\nName:              s2\nLabels:\n - e\n - k=v\nDriver:            vault\n" +
		"Created at:        2020-01-01 00:00:00 +0000 utc\nUpdated at:        2020-01-02 00:00:00 +0000 utc\n"
	if r.Out != want {
		t.Fatalf("inspect --pretty:\n%q", r.Out)
	}
	r = clitest.Run(t, e, clitest.Options{}, newInspectCommand, "-f", "{{.CreatedAt}} {{.Spec.Driver.Name}} {{.Nope}}", "id2")
	if r.ErrText() != `template parsing error: template: :1:39: executing "" at <.Nope>: map has no entry for key "Nope"` {
		t.Fatalf("inspect template: %q", r.ErrText())
	}
}
