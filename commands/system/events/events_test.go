package events

import (
	"testing"
	"time"

	"github.com/dockerclone/docker/cli/clitest"
)

const stream = `{"status":"create","id":"abc","from":"busybox","Type":"container","Action":"create","Actor":{"ID":"abc","Attributes":{"name":"x","image":"busybox"}},"scope":"local","time":1700000000,"timeNano":1700000000000000001}
{"Type":"volume","Action":"destroy","Actor":{"ID":"v1","Attributes":{"driver":"local"}},"scope":"local","time":1700000001,"timeNano":1700000001500000000}
`

func TestEvents(t *testing.T) {
	t.Setenv("TZ", "UTC")
	time.Local = time.UTC
	for _, tt := range []struct {
		args  []string
		query string
		want  string
	}{
		{
			args:  []string{"--since", "1700000000", "--until", "1700000002"},
			query: "since=1700000000&until=1700000002",
			want: "2023-11-14T22:13:20.000000001Z container create abc (image=busybox, name=x)\n" +
				"2023-11-14T22:13:21.500000000Z volume destroy v1 (driver=local)\n",
		},
		{
			args:  []string{"--format", "json", "-f", "type=volume", "--until", "5"},
			query: "filters=%7B%22type%22%3A%7B%22volume%22%3Atrue%7D%7D&until=5",
			want: `{"status":"create","id":"abc","from":"busybox","Type":"container","Action":"create","Actor":{"ID":"abc","Attributes":{"image":"busybox","name":"x"}},"scope":"local","time":1700000000,"timeNano":1700000000000000001}` + "\n" +
				`{"Type":"volume","Action":"destroy","Actor":{"ID":"v1","Attributes":{"driver":"local"}},"scope":"local","time":1700000001,"timeNano":1700000001500000000}` + "\n",
		},
		{
			args:  []string{"--format", "{{.Type}}/{{.Action}}/{{.Status}}"},
			query: "",
			want:  "container/create/create\nvolume/destroy/\n",
		},
	} {
		e := &clitest.Engine{Replies: map[string]clitest.Reply{"GET /events": {Body: stream}}}
		r := clitest.Run(t, e, clitest.Options{}, NewCommand, tt.args...)
		if r.RunErr != nil || r.Out != tt.want {
			t.Errorf("%v: err %v\n%s", tt.args, r.RunErr, r.Out)
		}
		if q := e.Requests()[0].Query; q != tt.query {
			t.Errorf("%v: query %s, want %s", tt.args, q, tt.query)
		}
	}
}

func TestEventsFormatErrors(t *testing.T) {
	e := &clitest.Engine{}
	r := clitest.Run(t, e, clitest.Options{}, NewCommand, "--format", "{{.Nope")
	if r.ErrText() != "Error parsing format: template: :1: unclosed action" || len(e.Requests()) != 0 {
		t.Fatalf("err %q", r.ErrText())
	}
}

// Bad --since/--until values are refused before any request, since first,
// with the parser's message bare, as the reference prints them.
func TestEventsTimeErrors(t *testing.T) {
	for _, tt := range []struct {
		args []string
		err  string
	}{
		{[]string{"--since", "bogus", "--until", "nope"}, `failed to parse value as time or duration: "bogus"`},
		{[]string{"--until", "12:30"}, `failed to parse value as time or duration: "12:30"`},
	} {
		e := &clitest.Engine{}
		r := clitest.Run(t, e, clitest.Options{}, NewCommand, tt.args...)
		if r.ErrText() != tt.err || r.ExitCode() != 1 || len(e.Requests()) != 0 {
			t.Errorf("%v: err %q (exit %d, %d requests), want %q", tt.args, r.ErrText(), r.ExitCode(), len(e.Requests()), tt.err)
		}
	}
}
