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
			args:  []string{"--limit", "2", "-f", "is-official=true", "--no-trunc", "--format", "{{.Name}}|{{.Description}}|{{.IsAutomated}}", "busybox"},
			query: "filters=%7B%22is-official%22%3A%7B%22true%22%3Atrue%7D%7D&limit=2&term=busybox",
			want: "busybox|Busybox base image.|\n" +
				"someone/busybox-with-a-rather-long-name|A description that goes on for longer than forty-five cells|[OK]\n",
		},
		{
			name:  "json",
			args:  []string{"--format", "json", "busybox"},
			query: "term=busybox",
			want: `{"Description":"Busybox base image.","IsAutomated":"","IsOfficial":"[OK]","Name":"busybox","StarCount":"3200"}` + "\n" +
				`{"Description":"A description that goes on for longer than f…","IsAutomated":"[OK]","IsOfficial":"","Name":"someone/busybox-with-a-rather-long-name","StarCount":"7"}` + "\n",
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
