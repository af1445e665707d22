package registry

import (
	"strings"
	"testing"

	"github.com/dockerclone/docker/cli/clitest"
)

const searchReply = `[{"name":"busybox","description":"Busybox base image.","star_count":3200,"is_official":true,"is_automated":false},
{"name":"someone/busybox-with-a-rather-long-name","description":"A description that goes on\nfor longer than forty-five cells","star_count":7,"is_official":false,"is_automated":true}]`

func TestSearch(t *testing.T) {
	for _, tt := range []struct {
		name  string
		args  []string
		query string
		want  string
	}{
		{
			name:  "table",
			args:  []string{"busybox"},
			query: "term=busybox",
			want: "NAME                                      DESCRIPTION                                     STARS     OFFICIAL\n" +
				"busybox                                   Busybox base image.                             3200      [OK]\n" +
				"someone/busybox-with-a-rather-long-name   A description that goes on for longer than f…   7         \n",
		},
		{
			name:  "limit filters no-trunc format",
			args:  []string{"--limit", "2", "-f", "is-official=true", "--no-trunc", "--format", "{{.Name}}|{{.Description}}|{{.IsOfficial}}", "busybox"},
			query: "filters=%7B%22is-official%22%3A%7B%22true%22%3Atrue%7D%7D&limit=2&term=busybox",
			want: "busybox|Busybox base image.|[OK]\n" +
				"someone/busybox-with-a-rather-long-name|A description that goes on for longer than forty-five cells|\n",
		},
		{
			name:  "json",
			args:  []string{"--format", "json", "busybox"},
			query: "term=busybox",
			// The reference's JSON row: IsOfficial a boolean string, no IsAutomated.
			want: `{"Description":"Busybox base image.","IsOfficial":"true","Name":"busybox","StarCount":"3200"}` + "\n" +
				`{"Description":"A description that goes on for longer than f…","IsOfficial":"false","Name":"someone/busybox-with-a-rather-long-name","StarCount":"7"}` + "\n",
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e := &clitest.Engine{Replies: map[string]clitest.Reply{"GET /images/search": {Body: searchReply}}}
			r := clitest.Run(t, e, clitest.Options{}, newSearchCommand, tt.args...)
			if r.RunErr != nil || r.Out != tt.want {
				t.Fatalf("err %v\n%s", r.RunErr, r.Out)
			}
			if got := e.Requests()[0].Query; got != tt.query {
				t.Errorf("query %s, want %s", got, tt.query)
			}
		})
	}
}

func TestSearchAuthAndDaemonError(t *testing.T) {
	e := &clitest.Engine{Replies: map[string]clitest.Reply{"GET /images/search": {Status: 500,
		Body: `{"message":"Get \"https://index.docker.io/v1/search?q=x&n=25\": dial tcp: lookup index.docker.io: no such host"}`}}}
	r := clitest.Run(t, e, clitest.Options{}, newSearchCommand, "x")
	if r.ErrText() != `Error response from daemon: Get "https://index.docker.io/v1/search?q=x&n=25": dial tcp: lookup index.docker.io: no such host` {
		t.Fatalf("err %q", r.ErrText())
	}
	if h := searchHost("127.0.0.1:5000/x"); h != "127.0.0.1:5000" {
		t.Errorf("host %q", h)
	}
	if h := searchHost("library/x"); !strings.Contains(h, "index.docker.io") {
		t.Errorf("host %q", h)
	}
}

// TestSearchFormatAfterResults: the format is parsed once the results are
// in (a failed search reports the daemon's error, whatever the format);
// the row has no IsAutomated and its type is registry.searchContext; the
// is-automated filter warns, whatever its value.
func TestSearchFormatAfterResults(t *testing.T) {
	ok := map[string]clitest.Reply{"GET /images/search": {Body: searchReply}}
	failed := map[string]clitest.Reply{"GET /images/search": {Status: 500, Body: `{"message":"no index"}`}}
	for _, tt := range []struct {
		replies  map[string]clitest.Reply
		args     []string
		err, out string
	}{
		{failed, []string{"--format", "{{.Bad", "x"}, "Error response from daemon: no index", ""},
		{ok, []string{"--format", "{{.Bad", "x"}, "template parsing error: template: :1: unclosed action", ""},
		{ok, []string{"--format", "{{.IsAutomated}}", "x"}, "template parsing error: template: :1:2: executing \"\" at <.IsAutomated>: " +
			"can't evaluate field IsAutomated in type *registry.searchContext", ""},
		{failed, []string{"-f", "is-automated=false", "x"}, "Error response from daemon: no index",
			"WARNING: the \"is-automated\" filter is deprecated, and searching for \"is-automated=true\" will not yield any results in future.\n"},
	} {
		r := clitest.Run(t, &clitest.Engine{Replies: tt.replies}, clitest.Options{}, newSearchCommand, tt.args...)
		if r.ErrText() != tt.err || r.Out != "" || r.Err != tt.out {
			t.Errorf("%v: got err %q out %q stderr %q, want %q %q", tt.args, r.ErrText(), r.Out, r.Err, tt.err, tt.out)
		}
	}
}
