package image

import (
	"testing"

	"github.com/dockerclone/docker/cli/clitest"
)

const inspectJSON = `{"Id":"sha256:66c4","RepoTags":["busybox:latest"],"Size":1984210,"Created":"2026-11-27T15:17:41.107746329Z",` +
	`"Config":{"Env":["PATH=/bin"],"Cmd":["sh"],"Entrypoint":null,"Labels":null},"Metadata":{"LastTagTime":"2026-11-27T15:25:41.421403365Z"},` +
	`"Extra":{"b":1,"a":"<x>"}}`

func TestInspect(t *testing.T) {
	replies := map[string]clitest.Reply{
		"GET /images/busybox/json": {Body: inspectJSON},
		"GET /images/hx/json":      clitest.NotFound("no such image: hx: No such image: hx:latest"),
	}
	const notFound = "Error response from daemon: no such image: hx: No such image: hx:latest"
	tests := []struct {
		name             string
		args             []string
		wantOut, wantErr string
		wantReqs         int
	}{
		{name: "indented array, keys in the daemon's order", args: []string{"busybox"}, wantReqs: 1,
			wantOut: "[\n    {\n        \"Id\": \"sha256:66c4\",\n        \"RepoTags\": [\n            \"busybox:latest\"\n        ],\n" +
				"        \"Size\": 1984210,\n        \"Created\": \"2026-11-27T15:17:41.107746329Z\",\n        \"Config\": {\n" +
				"            \"Env\": [\n                \"PATH=/bin\"\n            ],\n            \"Cmd\": [\n                \"sh\"\n            ],\n" +
				"            \"Entrypoint\": null,\n            \"Labels\": null\n        },\n        \"Metadata\": {\n" +
				"            \"LastTagTime\": \"2026-11-27T15:25:41.421403365Z\"\n        },\n        \"Extra\": {\n" +
				"            \"b\": 1,\n            \"a\": \"<x>\"\n        }\n    }\n]\n"},
		{name: "missing only", args: []string{"hx"}, wantReqs: 1, wantOut: "[]\n", wantErr: notFound},
		{name: "json: one compact line", args: []string{"-f", "json", "busybox", "hx"}, wantReqs: 2,
			wantOut: "[" + inspectJSON + "]\n", wantErr: notFound},
		{name: "typed fields print like the reference", args: []string{"-f", "{{.ID}} {{.Size}} {{.Config.Entrypoint}} {{.Config.Labels}} {{.Metadata.LastTagTime}}", "busybox", "busybox"}, wantReqs: 2,
			wantOut: "sha256:66c4 1984210 [] map[] 2026-11-27 15:25:41.421403365 +0000 UTC\nsha256:66c4 1984210 [] map[] 2026-11-27 15:25:41.421403365 +0000 UTC\n"},
		{name: "keys outside the type come from the raw JSON", args: []string{"-f", "{{.Id}} {{.Extra.b}} {{json .Config}}", "busybox"}, wantReqs: 1,
			wantOut: `sha256:66c4 1 {"Cmd":["sh"],"Entrypoint":null,"Env":["PATH=/bin"],"Labels":null}` + "\n"},
		{name: "unknown key", args: []string{"-f", "{{.Id}}{{.Foo}}", "busybox"}, wantReqs: 1, wantOut: "\n",
			wantErr: `template parsing error: template: :1:9: executing "" at <.Foo>: map has no entry for key "Foo"`},
		{name: "template, nothing found: empty line", args: []string{"-f", "{{.Id}}", "hx"}, wantReqs: 1, wantOut: "\n", wantErr: notFound},
		{name: "parse error before any request", args: []string{"-f", "{{.Id", "busybox"},
			wantErr: "template parsing error: template: :1: unclosed action"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := &clitest.Engine{Replies: replies}
			r := clitest.Run(t, e, clitest.Options{}, newInspectCommand, tt.args...)
			if got := r.ErrText(); got != tt.wantErr {
				t.Errorf("error = %q, want %q", got, tt.wantErr)
			}
			if r.Out != tt.wantOut {
				t.Errorf("stdout:\n%s\nwant:\n%s", r.Out, tt.wantOut)
			}
			if n := len(e.Requests()); n != tt.wantReqs {
				t.Errorf("%d requests, want %d", n, tt.wantReqs)
			}
		})
	}
}

func TestInspectParseErrorExitCode(t *testing.T) {
	r := clitest.Run(t, &clitest.Engine{}, clitest.Options{}, newInspectCommand, "-f", "{{", "x")
	if code := r.ExitCode(); code != 64 {
		t.Errorf("exit code %d, want 64", code)
	}
}
