package image

import (
	"fmt"
	"net/url"
	"testing"
	"time"

	"github.com/dockerclone/docker/cli/clitest"
)

// created is three weeks ago, so CREATED reads "3 weeks ago".
var created = time.Now().Add(-21*24*time.Hour - time.Hour).Unix()

var busyboxJSON = fmt.Sprintf(`{"Id":"sha256:66c4f7ec1ba1ab1d4512f5d23908110c918c9f23b19ebd7d60f9340ed1dad82a","RepoTags":["busybox:latest"],
  "RepoDigests":[],"Created":%d,"Size":1984210,"SharedSize":-1,"VirtualSize":1984210,"Containers":-1}`, created)

var imagesJSON = "[" + busyboxJSON + "," + fmt.Sprintf(
	`{"Id":"sha256:1111111111111111111111111111111111111111111111111111111111111111","RepoTags":["<none>:<none>"],
  "RepoDigests":["<none>@<none>"],"Created":%d,"Size":3002,"SharedSize":-1,"Containers":-1}`, created) + "]"

func TestList(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		config     string
		body       string
		wantQuery  url.Values
		wantOut    string
		wantStderr string
		wantErr    string
	}{
		{
			name:      "default table with dangling row",
			body:      imagesJSON,
			wantQuery: url.Values{},
			wantOut: "REPOSITORY   TAG       IMAGE ID       CREATED       SIZE\n" +
				"busybox      latest    66c4f7ec1ba1   3 weeks ago   1.98MB\n" +
				"<none>       <none>    111111111111   3 weeks ago   3kB\n",
		},
		{
			name:      "argument and filters are one filters query; -a is all=1",
			args:      []string{"-a", "-f", "dangling=true", "--filter", " Label = a=b", "busybox"},
			body:      `[]`,
			wantQuery: url.Values{"all": {"1"}, "filters": {`{"dangling":{"true":true},"label":{"a=b":true},"reference":{"busybox":true}}`}},
			wantOut:   "REPOSITORY   TAG       IMAGE ID   CREATED   SIZE\n",
		},
		{
			name:      "an empty filter is ignored",
			args:      []string{"-f", "", "--filter", "dangling=true", "-f", ""},
			body:      `[]`,
			wantQuery: url.Values{"filters": {`{"dangling":{"true":true}}`}},
			wantOut:   "REPOSITORY   TAG       IMAGE ID   CREATED   SIZE\n",
		},
		{
			name:      "quiet repeats full IDs with no-trunc",
			args:      []string{"-q", "--no-trunc"},
			body:      imagesJSON,
			wantQuery: url.Values{},
			wantOut: "sha256:66c4f7ec1ba1ab1d4512f5d23908110c918c9f23b19ebd7d60f9340ed1dad82a\n" +
				"sha256:1111111111111111111111111111111111111111111111111111111111111111\n",
		},
		{
			name:      "json rows, HTML-escaped",
			args:      []string{"--format", "json"},
			body:      "[" + busyboxJSON + "]",
			wantQuery: url.Values{},
			wantOut: `{"Containers":"N/A","CreatedAt":"` + time.Unix(created, 0).String() + `","CreatedSince":"3 weeks ago","Digest":"\u003cnone\u003e","ID":"66c4f7ec1ba1",` +
				`"Repository":"busybox","SharedSize":"N/A","Size":"1.98MB","Tag":"latest","UniqueSize":"N/A","VirtualSize":"1.984MB"}` + "\n",
		},
		{
			name:      "imagesFormat from config, ignored by -q",
			args:      []string{"-q"},
			config:    `{"imagesFormat":"{{.Repository}}"}`,
			body:      imagesJSON,
			wantQuery: url.Values{},
			wantOut:   "66c4f7ec1ba1\n111111111111\n",
		},
		{
			name:      "imagesFormat from config",
			config:    `{"imagesFormat":"{{.Repository}}:{{.Tag}}"}`,
			body:      imagesJSON,
			wantQuery: url.Values{},
			wantOut:   "busybox:latest\n<none>:<none>\n",
		},
		{
			name:      "a format wins over -q",
			args:      []string{"-q", "--format", "table {{.Repository}}"},
			body:      imagesJSON,
			wantQuery: url.Values{},
			wantOut:   "REPOSITORY\nbusybox\n<none>\n",
		},
		{
			name:      "raw format",
			args:      []string{"--format", "raw", "-q"},
			body:      imagesJSON,
			wantQuery: url.Values{},
			wantOut:   "image_id: 66c4f7ec1ba1\nimage_id: 111111111111\n",
		},
		{
			name:       "no match for a subcommand name gives a hint",
			args:       []string{"ls"},
			body:       `[]`,
			wantQuery:  url.Values{"filters": {`{"reference":{"ls":true}}`}},
			wantOut:    "REPOSITORY   TAG       IMAGE ID   CREATED   SIZE\n",
			wantStderr: "\nNo images found matching \"ls\": did you mean \"docker image ls\"?\n",
		},
		{
			name:      "no hint for other words",
			args:      []string{"-q", "remove"},
			body:      `[]`,
			wantQuery: url.Values{"filters": {`{"reference":{"remove":true}}`}},
		},
		{
			name:      "template error names the row type",
			args:      []string{"--format", "{{.Foo}}"},
			body:      imagesJSON,
			wantQuery: url.Values{},
			wantErr:   `template parsing error: template: :1:2: executing "" at <.Foo>: can't evaluate field Foo in type *formatter.imageContext`,
		},
		{
			name:      "template parse error",
			args:      []string{"--format", "{{.Foo"},
			body:      `[]`,
			wantQuery: url.Values{},
			wantErr:   `template parsing error: template: :1: unclosed action`,
		},
		{
			name:    "bad filter",
			args:    []string{"-f", "dangling"},
			wantErr: `invalid argument "dangling" for "-f, --filter" flag: bad format of filter (expected name=value)`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := &clitest.Engine{Replies: map[string]clitest.Reply{"GET /images/json": {Body: tt.body}}}
			r := clitest.Run(t, e, clitest.Options{Config: tt.config}, newListCommand, tt.args...)
			if got := r.ErrText(); got != tt.wantErr {
				t.Fatalf("error = %q, want %q", got, tt.wantErr)
			}
			reqs := e.Requests()
			if tt.wantQuery == nil {
				if len(reqs) != 0 {
					t.Fatalf("requests = %+v, want none", reqs)
				}
				return
			}
			if len(reqs) != 1 || reqs[0].Method != "GET" || reqs[0].Path != "/images/json" {
				t.Fatalf("requests = %+v, want one GET /images/json", reqs)
			}
			if got := reqs[0].Query; got != tt.wantQuery.Encode() {
				t.Errorf("query = %s, want %s", got, tt.wantQuery.Encode())
			}
			if r.Out != tt.wantOut {
				t.Errorf("stdout:\n%q\nwant:\n%q", r.Out, tt.wantOut)
			}
			if r.Err != tt.wantStderr {
				t.Errorf("stderr = %q, want %q", r.Err, tt.wantStderr)
			}
		})
	}
}

// TestListHintAfterTable checks the hint follows the (empty) table when both
// streams go to one place, as `docker images ls 2>&1` shows it.
func TestListHintAfterTable(t *testing.T) {
	e := &clitest.Engine{Replies: map[string]clitest.Reply{"GET /images/json": {Body: `[]`}}}
	r := clitest.Run(t, e, clitest.Options{Combined: true}, newListCommand, "ls")
	if r.RunErr != nil {
		t.Fatal(r.RunErr)
	}
	want := "REPOSITORY   TAG       IMAGE ID   CREATED   SIZE\n\nNo images found matching \"ls\": did you mean \"docker image ls\"?\n"
	if r.Out != want {
		t.Errorf("output = %q, want %q", r.Out, want)
	}
}

// TestListHintOnlyForImages checks `docker image ls WORD` gives no hint:
// only the top-level `docker images` does.
func TestListHintOnlyForImages(t *testing.T) {
	e := &clitest.Engine{Replies: map[string]clitest.Reply{"GET /images/json": {Body: `[]`}}}
	r := clitest.Run(t, e, clitest.Options{}, Group, "ls", "pull")
	if r.RunErr != nil {
		t.Fatal(r.RunErr)
	}
	if r.Out != "REPOSITORY   TAG       IMAGE ID   CREATED   SIZE\n" || r.Err != "" {
		t.Errorf("stdout = %q, stderr = %q; want the header only", r.Out, r.Err)
	}
}

// TestListDigestColumn covers how a layout and --digests combine: naming
// {{.Digest}} shows tagged rows' digests without --digests, and --digests
// appends a DIGEST column to a table that does not name it.
func TestListDigestColumn(t *testing.T) {
	const d = "sha256:babb38ababfce28f0243ad5349ca1d36086c2272d90e06a85d3ae718c046f2f9"
	body := `[{"Id":"sha256:66c4f7ec1ba1ab1d4512f5d23908110c918c9f23b19ebd7d60f9340ed1dad82a","RepoTags":["r/a:1"],
  "RepoDigests":["r/a@` + d + `","r/b@` + d + `"],"Created":1,"Size":1,"SharedSize":-1,"Containers":-1}]`
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--format", "{{.Repository}} {{.Tag}} {{.Digest}}"}, "r/a 1 " + d + "\nr/b <none> \n"},
		{[]string{"--format", "{{.Repository}} {{.Tag}} {{ .Digest }}"}, "r/a 1 <none>\nr/b <none> \n"},
		{[]string{"--digests", "--format", "{{.Repository}} {{.Digest}}"}, "r/a " + d + "\nr/b " + d + "\n"},
		{[]string{"--digests", "-q", "--format", "table {{.Repository}}"},
			"REPOSITORY   DIGEST\nr/a          " + d + "\nr/b          " + d + "\n"},
	}
	for _, tt := range tests {
		e := &clitest.Engine{Replies: map[string]clitest.Reply{"GET /images/json": {Body: body}}}
		r := clitest.Run(t, e, clitest.Options{}, newListCommand, tt.args...)
		if r.RunErr != nil {
			t.Fatal(r.RunErr)
		}
		if r.Out != tt.want {
			t.Errorf("images %q:\n%s\nwant:\n%s", tt.args, r.Out, tt.want)
		}
	}
}
