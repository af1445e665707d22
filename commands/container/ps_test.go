package container

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/clitest"
)

func newTopPs(c *cli.CLI) *cobra.Command { return newPsCommand(c, true) }

// psList is a daemon reply with two containers created long ago (so CREATED
// is stable: "N years ago" moves slowly) by name:tag and by image ID.
func psList() string {
	created := time.Now().Add(-3 * 365 * 24 * time.Hour).Unix()
	return fmt.Sprintf(`[
 {"Id":"40a21b73f41c0d092a2107d4943e1ca8df66d3cab1796755978d1c2f83bcfd26","Names":["/hx-a2"],"Image":"compat-busybox:latest","ImageID":"sha256:66c4f7ec1ba1","Command":"sleep 3000","Created":%d,
  "Ports":[{"IP":"0.0.0.0","PrivatePort":80,"PublicPort":8080,"Type":"tcp"}],"Labels":{"tier":"web","a":"<b>"},"State":"running","Status":"Up 2 minutes","SizeRw":12,"SizeRootFs":1984210,
  "HostConfig":{"NetworkMode":"default"},"NetworkSettings":{"Networks":{"bridge":{},"alpha":{}}},"Mounts":[{"Type":"volume","Name":"0123456789abcdefghij","Source":"/x","Driver":"local"}]},
 {"Id":"1466b2782084ecda9317a59738cf524c75906f2d97c74e1a6c09a51444e68dcc","Names":["/hx-a1","/other/link"],"Image":"sha256:66c4f7ec1ba1ab1d4512f5d23908110c918c9f23b19ebd7d60f9340ed1dad82a","ImageID":"sha256:66c4f7ec1ba1ab1d4512f5d23908110c918c9f23b19ebd7d60f9340ed1dad82a","Command":"sh -c 'echo a very long command line here'","Created":%d,
  "Ports":[],"Labels":{},"State":"created","Status":"Created","HostConfig":{"NetworkMode":"default"},"Mounts":[]}
]`, created, created)
}

func TestPsRequests(t *testing.T) {
	tests := []struct {
		name  string
		args  []string
		query string
	}{
		{"default lists running only", nil, ""},
		{"all", []string{"-a"}, "all=1"},
		{"last n", []string{"-n", "2"}, "limit=2"},
		{"last zero is no limit", []string{"-n", "0"}, ""},
		{"latest is limit 1", []string{"-l", "-n", "5"}, "limit=1"},
		{"size flag", []string{"-s"}, "size=1"},
		{"template using Size asks for sizes", []string{"--format", "table {{.Names}}\\t{{.Size}}"}, "size=1"},
		{"Size in a branch not taken does not", []string{"--format", "{{if false}}{{.Size}}{{end}}"}, ""},
		{"quiet ignores the template's Size", []string{"-q", "--format", "{{.Size}}"}, ""},
		{"quiet keeps -s", []string{"-q", "-s"}, "size=1"},
		{"--size=false overrides the template's Size", []string{"--size=false", "--format", "{{.Size}}"}, ""},
		{"-s=false too, in a table", []string{"-s=false", "--format", "table {{.ID}}\t{{.Size}}"}, ""},
		{"--size=true with a template", []string{"--size=true", "--format", "{{.Size}}"}, "size=1"},
		{"an empty filter is ignored", []string{"-f", "", "-f", "name=x", "-f", ""}, "filters=%7B%22name%22%3A%7B%22x%22%3Atrue%7D%7D"},
		{"only empty filters send none", []string{"-f", ""}, ""},
		{"filters are JSON, keys lower-cased, values trimmed", []string{"-f", "Name = x", "-f", "status=exited", "-f", "label=a=b"},
			"filters=%7B%22label%22%3A%7B%22a%3Db%22%3Atrue%7D%2C%22name%22%3A%7B%22x%22%3Atrue%7D%2C%22status%22%3A%7B%22exited%22%3Atrue%7D%7D"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := &clitest.Engine{Replies: map[string]clitest.Reply{"GET /containers/json": {Body: "[]"}}}
			r := clitest.Run(t, e, clitest.Options{}, newTopPs, tt.args...)
			if r.RunErr != nil {
				t.Fatal(r.RunErr)
			}
			want := "GET /containers/json"
			if tt.query != "" {
				want += "?" + tt.query
			}
			if got := e.Lines(); len(got) != 1 || got[0] != want {
				t.Errorf("requests %q, want %q", got, want)
			}
		})
	}
}

func TestPsOutput(t *testing.T) {
	tests := []struct {
		name, config string
		args         []string
		want, stderr string
	}{
		{
			name: "default table",
			want: "CONTAINER ID   IMAGE                   COMMAND                  CREATED       STATUS         PORTS                  NAMES\n" +
				"40a21b73f41c   compat-busybox:latest   \"sleep 3000\"             3 years ago   Up 2 minutes   0.0.0.0:8080->80/tcp   hx-a2\n" +
				"1466b2782084   66c4f7ec1ba1            \"sh -c 'echo a very …\"   3 years ago   Created                               hx-a1\n",
		},
		{
			name: "size column",
			args: []string{"-s", "--format", "table {{.Names}}\\t{{.Size}}"},
			want: "NAMES     SIZE\nhx-a2     12B (virtual 1.98MB)\nhx-a1     0B\n",
		},
		{
			name: "no-trunc keeps everything",
			args: []string{"--no-trunc", "--format", "{{.ID}}|{{.Image}}|{{.Command}}|{{.Names}}|{{.Mounts}}"},
			want: "40a21b73f41c0d092a2107d4943e1ca8df66d3cab1796755978d1c2f83bcfd26|compat-busybox:latest|\"sleep 3000\"|hx-a2|0123456789abcdefghij\n" +
				"1466b2782084ecda9317a59738cf524c75906f2d97c74e1a6c09a51444e68dcc|sha256:66c4f7ec1ba1ab1d4512f5d23908110c918c9f23b19ebd7d60f9340ed1dad82a|\"sh -c 'echo a very long command line here'\"|hx-a1,other/link|\n",
		},
		{
			name: "fields",
			args: []string{"--format", `{{.Labels}}|{{.Label "tier"}}|{{.Mounts}}|{{.LocalVolumes}}|{{.Networks}}|{{.State}}|{{.Platform}}`},
			want: "a=<b>,tier=web|web|0123456789abcd…|1|alpha,bridge|running|<nil>\n|||0||created|<nil>\n",
		},
		{
			name: "quiet",
			args: []string{"-q"},
			want: "40a21b73f41c\n1466b2782084\n",
		},
		{
			name:   "quiet wins over format, with a warning",
			args:   []string{"-q", "--format", "{{.Names}}"},
			want:   "40a21b73f41c\n1466b2782084\n",
			stderr: "WARNING: Ignoring custom format, because both --format and --quiet are set.\n",
		},
		{
			name:   "quiet raw",
			args:   []string{"-q", "--format", "raw"},
			want:   "container_id: 40a21b73f41c\ncontainer_id: 1466b2782084\n",
			stderr: "WARNING: Ignoring custom format, because both --format and --quiet are set.\n",
		},
		{
			name:   "psFormat from config, no warning with -q",
			config: `{"psFormat":"{{.Names}} cfg"}`,
			want:   "hx-a2 cfg\nhx-a1 cfg\n",
		},
		{
			name:   "--format wins over psFormat",
			config: `{"psFormat":"{{.Names}} cfg"}`,
			args:   []string{"--format", "{{.ID}}"},
			want:   "40a21b73f41c\n1466b2782084\n",
		},
		{
			name: "raw",
			args: []string{"-n", "1", "--format", "raw"},
			want: "container_id: 40a21b73f41c\nimage: compat-busybox:latest\ncommand: \"sleep 3000\"\ncreated_at: CREATED\nstate: running\nstatus: Up 2 minutes\nnames: hx-a2\nlabels: a=<b>,tier=web\nports: 0.0.0.0:8080->80/tcp\n\n" +
				"container_id: 1466b2782084\nimage: 66c4f7ec1ba1\ncommand: \"sh -c 'echo a very …\"\ncreated_at: CREATED\nstate: created\nstatus: Created\nnames: hx-a1\nlabels:\nports:\n\n",
		},
		{
			name: "json lines, keys sorted, HTML escaped",
			args: []string{"--format", "json"},
			want: `{"Command":"\"sleep 3000\"","CreatedAt":"CREATED","ID":"40a21b73f41c","Image":"compat-busybox:latest","Labels":"a=\u003cb\u003e,tier=web","LocalVolumes":"1","Mounts":"0123456789abcd…","Names":"hx-a2","Networks":"alpha,bridge","Platform":null,"Ports":"0.0.0.0:8080-\u003e80/tcp","RunningFor":"3 years ago","Size":"12B (virtual 1.98MB)","State":"running","Status":"Up 2 minutes"}` + "\n" +
				`{"Command":"\"sh -c 'echo a very …\"","CreatedAt":"CREATED","ID":"1466b2782084","Image":"66c4f7ec1ba1","Labels":"","LocalVolumes":"0","Mounts":"","Names":"hx-a1","Networks":"","Platform":null,"Ports":"","RunningFor":"3 years ago","Size":"0B","State":"created","Status":"Created"}` + "\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := &clitest.Engine{Replies: map[string]clitest.Reply{"GET /containers/json": {Body: psList()}}}
			r := clitest.Run(t, e, clitest.Options{Config: tt.config}, newTopPs, tt.args...)
			if r.RunErr != nil {
				t.Fatal(r.RunErr)
			}
			got := psMaskCreated(r.Out)
			if got != tt.want {
				t.Errorf("stdout\n%s\nwant\n%s", got, tt.want)
			}
			if r.Err != tt.stderr {
				t.Errorf("stderr %q, want %q", r.Err, tt.stderr)
			}
		})
	}
}

// psMaskCreated replaces Go time strings (local zone, so machine dependent).
func psMaskCreated(s string) string {
	created := time.Unix(time.Now().Add(-3*365*24*time.Hour).Unix(), 0).String()
	return strings.ReplaceAll(s, created, "CREATED")
}

func TestPsTemplateErrors(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		want     string
		requests int // template errors found by the probe come before any request
	}{
		{"parse error", []string{"--format", "{{.Names"}, "failed to parse template: template: :1: unclosed action", 0},
		{"unknown field, position counts the table prefix", []string{"--format", "table {{.Bogus}}"},
			`failed to execute template: template: :1:8: executing "" at <.Bogus>: can't evaluate field Bogus in type *formatter.ContainerContext`, 0},
		{"bad argument", []string{"--format", "{{.Label 3}}"},
			`failed to execute template: template: :1:9: executing "" at <3>: expected string; found 3`, 0},
		{"quiet still probes the format", []string{"-q", "--format", "{{.Bogus}}"},
			`failed to execute template: template: :1:2: executing "" at <.Bogus>: can't evaluate field Bogus in type *formatter.ContainerContext`, 0},
		{"escapes break the final parse only", []string{"--format", `{{"a\nb"}}`},
			"template parsing error: template: :1: unterminated quoted string", 1},
		{"a row failing later", []string{"--format", `{{.Names}}{{if eq .Names "hx-a1"}}{{.Bogus}}{{end}}`},
			`template parsing error: template: :1:36: executing "" at <.Bogus>: can't evaluate field Bogus in type *formatter.ContainerContext`, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := &clitest.Engine{Replies: map[string]clitest.Reply{"GET /containers/json": {Body: psList()}}}
			r := clitest.Run(t, e, clitest.Options{}, newTopPs, tt.args...)
			if r.ErrText() != tt.want {
				t.Errorf("error %q\nwant  %q", r.ErrText(), tt.want)
			}
			if r.Out != "" {
				t.Errorf("printed %q", r.Out)
			}
			if n := len(e.Requests()); n != tt.requests {
				t.Errorf("%d requests, want %d", n, tt.requests)
			}
		})
	}
}

func TestPsFilterSyntax(t *testing.T) {
	e := &clitest.Engine{}
	r := clitest.Run(t, e, clitest.Options{}, newTopPs, "-f", "foo")
	want := `invalid argument "foo" for "-f, --filter" flag: bad format of filter (expected name=value)`
	if r.ErrText() != want {
		t.Errorf("error %q, want %q", r.ErrText(), want)
	}
	r = clitest.Run(t, e, clitest.Options{}, newTopPs, "-n", "x")
	want = `invalid argument "x" for "-n, --last" flag: strconv.ParseInt: parsing "x": invalid syntax`
	if r.ErrText() != want {
		t.Errorf("error %q, want %q", r.ErrText(), want)
	}
}
