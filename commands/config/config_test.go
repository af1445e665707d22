package config

import (
	"testing"

	"github.com/dockerclone/docker/cli/clitest"
)

func TestCreateAndPretty(t *testing.T) {
	e := &clitest.Engine{Replies: map[string]clitest.Reply{
		"POST /configs/create": {Status: 201, Body: `{"ID":"cid"}`},
		"GET /configs/cid":     {Body: `{"ID":"cid","CreatedAt":"2020-01-01T00:00:00Z","UpdatedAt":"2020-01-01T00:00:00Z","Spec":{"Name":"c","Labels":{"a":"b"},"Data":"aGkK"}}`},
	}}
	r := clitest.Run(t, e, clitest.Options{Stdin: "hi\n"}, newCreateCommand, "--label", "a=b", "--template-driver", "golang", "c", "-")
	if r.Out != "cid\n" || e.Requests()[0].Body != `{"Name":"c","Labels":{"a":"b"},"Data":"aGkK","Templating":{"Name":"golang"}}` {
		t.Fatalf("create: %q %s", r.Out, e.Requests()[0].Body)
	}
	r = clitest.Run(t, e, clitest.Options{}, newCreateCommand, "c", "/nonexistent")
	if r.ErrText() != `Error reading content from "/nonexistent": error reading from /nonexistent: open /nonexistent: no such file or directory` {
		t.Fatalf("missing file: %q", r.ErrText())
	}
	r = clitest.Run(t, e, clitest.Options{}, newInspectCommand, "--pretty", "cid")
	want := "ID:\t\t\tcid\nName:\t\t\tc\nLabels:\n - a=b\nCreated at:            \t2020-01-01 00:00:00 +0000 utc\n" +
		"Updated at:            \t2020-01-01 00:00:00 +0000 utc\nData:\nhi\n\n"
	if r.Out != want {
		t.Fatalf("pretty: %q", r.Out)
	}
	e.Replies["GET /configs"] = clitest.Reply{Body: `[{"ID":"cid","Spec":{"Name":"c","Labels":{"a":"b"}}}]`}
	r = clitest.Run(t, e, clitest.Options{Config: `{"configFormat":"{{.Name}}:{{.Labels}}"}`}, newListCommand)
	if r.Out != "c:a=b\n" {
		t.Fatalf("ls with configFormat: %q", r.Out)
	}
}
