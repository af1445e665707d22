package builder

import (
	"encoding/base64"
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/clitest"
)

const (
	builtStream = `{"stream":"Step 1/1 : FROM busybox"}
{"stream":"\n"}
{"stream":" ---\u003e 85c86617243c\n"}
{"aux":{"ID":"sha256:85c86617243c3cd1479c50cd56d20d9d721b650def7cda357b6059b3861c7cdc"}}
{"stream":"Successfully built 85c86617243c\n"}
{"stream":"Successfully tagged x:latest\n"}
`
	failedStream = `{"stream":"Step 1/2 : FROM busybox"}
{"stream":"\n"}
{"stream":"Step 2/2 : RUN exit 3"}
{"stream":"\n"}
{"errorDetail":{"code":3,"message":"The command '/bin/sh -c exit 3' returned a non-zero code: 3"},"error":"The command '/bin/sh -c exit 3' returned a non-zero code: 3"}
`
	imageID = "sha256:85c86617243c3cd1479c50cd56d20d9d721b650def7cda357b6059b3861c7cdc"
)

func TestBuild(t *testing.T) {
	root := tree(t, map[string]string{"Dockerfile": "FROM busybox\n"})
	iid := filepath.Join(t.TempDir(), "iid")
	sending := "Sending build context to Docker daemon  2.048kB\r\r\n"
	tests := []struct {
		name      string
		stream    string
		args      []string
		out, err  string
		code      int
		wantQuery []string
		wantIID   string
	}{
		{name: "steps and tags", stream: builtStream, args: []string{"-t", "x", "--build-arg", "A=1", "--iidfile", iid, root},
			out:       sending + "Step 1/1 : FROM busybox\n ---> 85c86617243c\nSuccessfully built 85c86617243c\nSuccessfully tagged x:latest\n",
			wantQuery: []string{"t=x", "dockerfile=Dockerfile", "buildargs=%7B%22A%22%3A%221%22%7D", "version=1"}, wantIID: imageID},
		{name: "quiet prints the ID", stream: `{"stream":"` + imageID + `\n"}` + "\n", args: []string{"-q", "--iidfile", iid, root},
			out: imageID + "\n", wantQuery: []string{"q=1"}, wantIID: imageID + "\n"},
		{name: "a failing step exits with its code", stream: failedStream, args: []string{root},
			out: sending + "Step 1/2 : FROM busybox\nStep 2/2 : RUN exit 3\n", err: "The command '/bin/sh -c exit 3' returned a non-zero code: 3", code: 3},
		{name: "quiet shows what it kept on failure", stream: failedStream, args: []string{"-q", root},
			err: "The command '/bin/sh -c exit 3' returned a non-zero code: 3", code: 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			os.Remove(iid)
			e := &clitest.Engine{Replies: map[string]clitest.Reply{"POST /build": {Body: tt.stream}}}
			r := clitest.Run(t, e, clitest.Options{Config: `{"auths":{"reg.example:5000":{"auth":"dTpw"}}}`}, NewBuildCommand, tt.args...)
			var se *cli.StatusError
			code := 0
			if errors.As(r.RunErr, &se) {
				code = se.Code
			} else if r.RunErr != nil {
				t.Fatalf("error %v", r.RunErr)
			}
			if r.Out != tt.out || r.ErrText() != tt.err || code != tt.code {
				t.Errorf("stdout %q\nerr %q, code %d", r.Out, r.ErrText(), code)
			}
			if tt.name == "quiet shows what it kept on failure" && r.Err != sending+"Step 1/2 : FROM busybox\nStep 2/2 : RUN exit 3\n" {
				t.Errorf("stderr %q", r.Err)
			}
			reqs := e.Requests()
			if len(reqs) != 1 {
				t.Fatalf("requests %v", e.Lines())
			}
			for _, q := range tt.wantQuery {
				if !strings.Contains("&"+reqs[0].Query+"&", "&"+q+"&") {
					t.Errorf("query %s lacks %s", reqs[0].Query, q)
				}
			}
			if !strings.HasPrefix(reqs[0].Body, "Dockerfile") {
				t.Errorf("the context was not sent: %q", reqs[0].Body[:min(len(reqs[0].Body), 20)])
			}
			if b, _ := os.ReadFile(iid); string(b) != tt.wantIID {
				t.Errorf("iidfile %q, want %q", b, tt.wantIID)
			}
		})
	}
}

// X-Registry-Config carries the credentials of every configured registry.
func TestBuildRegistryConfig(t *testing.T) {
	c := cli.New(cli.Streams{})
	c.Opts.ConfigDir = t.TempDir()
	config := `{"auths":{"reg.example:5000":{"auth":"dTpw"},"other.example":{"auth":"YTpi"}}}`
	if err := os.WriteFile(filepath.Join(c.Opts.ConfigDir, "config.json"), []byte(config), 0o600); err != nil {
		t.Fatal(err)
	}
	req, err := newBuildOptions().request(c, "Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	b, err := base64.URLEncoding.DecodeString(req.RegistryConfig)
	want := `{"other.example":{"username":"a","password":"b","serveraddress":"other.example"},` +
		`"reg.example:5000":{"username":"u","password":"p","serveraddress":"reg.example:5000"}}`
	if err != nil || string(b) != want {
		t.Errorf("X-Registry-Config %s: %s, %v", req.RegistryConfig, b, err)
	}
}

func TestBuildUsageErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-f", "-", "-"}, "invalid argument: can't use stdin for both build context and dockerfile"},
		{[]string{"-t", "Bad:Tag", "."}, `invalid argument "Bad:Tag" for "-t, --tag" flag: invalid reference format: repository name (library/Bad) must be lowercase`},
		{[]string{"--build-arg", "=x", "."}, `invalid argument "=x" for "--build-arg" flag: invalid environment variable: =x`},
	} {
		e := &clitest.Engine{}
		r := clitest.Run(t, e, clitest.Options{}, NewBuildCommand, tc.args...)
		if r.ErrText() != tc.want || len(e.Requests()) != 0 {
			t.Errorf("%q: %q", tc.args, r.ErrText())
		}
	}
}

func TestPruneBuildCache(t *testing.T) {
	reply := map[string]clitest.Reply{"POST /build/prune": {Body: `{"CachesDeleted":["abc","def"],"SpaceReclaimed":2048}`}}
	const report = "Deleted build cache objects:\nabc\ndef\n\nTotal reclaimed space: 2.048kB\n"
	tests := []struct {
		name, stdin, config string
		args                []string
		out, query          string
	}{
		{"dangling, confirmed", "y\n", "", nil,
			pruneDanglingWarning + " [y/N] " + report, "filters="},
		{"all, declined", "n\n", "", []string{"-a"}, pruneAllWarning + " [y/N] ", ""},
		{"forced with filters; the config's label filters do not apply", "", `{"pruneFilters":["label=x","until=1h"]}`,
			[]string{"-f", "--keep-storage", "10m", "--filter", "id=a"}, report,
			"filters=" + url.QueryEscape(`{"id":{"a":true},"until":{"1h":true}}`) + "&keep-storage=10485760"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := &clitest.Engine{Replies: reply}
			r := clitest.Run(t, e, clitest.Options{Stdin: tt.stdin, Config: tt.config}, newPruneCommand, tt.args...)
			if r.RunErr != nil || r.Out != tt.out {
				t.Fatalf("err %v out %q", r.RunErr, r.Out)
			}
			reqs := e.Requests()
			if (tt.query == "") != (len(reqs) == 0) || len(reqs) == 1 && reqs[0].Query != tt.query {
				t.Errorf("requests %v", e.Lines())
			}
		})
	}
}
