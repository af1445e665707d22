package image

import (
	"encoding/base64"
	"net/http"
	"net/url"
	"testing"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/clitest"
)

const authConfig = `{"auths":{"127.0.0.1:5055":{"auth":"dGVzdGVyOnMzY3JldA=="},"https://index.docker.io/v1/":{"auth":"aHViOnB3"}}}`

// The X-Registry-Auth values authConfig yields, decoded.
const (
	testerAuth = `{"username":"tester","password":"s3cret","serveraddress":"127.0.0.1:5055"}`
	hubAuth    = `{"username":"hub","password":"pw","serveraddress":"https://index.docker.io/v1/"}`
)

// bbQuery is the query of a pull of 127.0.0.1:5055/hx/bb:tag.
func bbQuery(tag string) url.Values {
	return url.Values{"fromImage": {"127.0.0.1:5055/hx/bb"}, "tag": {tag}}
}

func decodeAuth(t *testing.T, s string) string {
	t.Helper()
	b, err := base64.URLEncoding.DecodeString(s)
	if err != nil {
		t.Fatalf("X-Registry-Auth %q is not URL base64: %v", s, err)
	}
	return string(b)
}

const pullStream = `{"status":"Pulling from hx/bb","id":"1"}
{"status":"Pulling fs layer","progressDetail":{},"id":"be6517859b00"}
{"status":"Downloading","progressDetail":{"current":10,"total":100},"progress":"[=>  ]","id":"be6517859b00"}
{"status":"Pull complete","progressDetail":{},"id":"be6517859b00"}
{"status":"Digest: sha256:babb"}
{"status":"Status: Downloaded newer image for 127.0.0.1:5055/hx/bb:1"}
`

func TestPull(t *testing.T) {
	tests := []struct {
		name      string
		args      []string
		status    int
		body      string
		wantQuery url.Values
		wantAuth  string // decoded
		wantOut   string
		wantErr   string
	}{
		{
			name:      "private registry with stored credentials, plain progress",
			args:      []string{"127.0.0.1:5055/hx/bb:1"},
			body:      pullStream,
			wantQuery: bbQuery("1"),
			wantAuth:  testerAuth,
			wantOut: "1: Pulling from hx/bb\nbe6517859b00: Pulling fs layer\nbe6517859b00: Pull complete\n" +
				"Digest: sha256:babb\nStatus: Downloaded newer image for 127.0.0.1:5055/hx/bb:1\n127.0.0.1:5055/hx/bb:1\n",
		},
		{
			name:      "default tag, Docker Hub credentials, platform",
			args:      []string{"--platform", "linux/arm64", "busybox"},
			body:      `{"status":"Status: Image is up to date for busybox:latest"}`,
			wantQuery: url.Values{"fromImage": {"docker.io/library/busybox"}, "tag": {"latest"}, "platform": {"linux/arm64"}},
			wantAuth:  hubAuth,
			wantOut:   "Using default tag: latest\nStatus: Image is up to date for busybox:latest\ndocker.io/library/busybox:latest\n",
		},
		{
			name:      "quiet prints only the reference; all tags sends no tag",
			args:      []string{"-q", "-a", "example.com/x"},
			body:      pullStream,
			wantQuery: url.Values{"fromImage": {"example.com/x"}},
			wantAuth:  `{}`,
			wantOut:   "example.com/x\n",
		},
		{
			name:      "digest goes in the tag parameter",
			args:      []string{"-q", "busybox@sha256:babb38ababfce28f0243ad5349ca1d36086c2272d90e06a85d3ae718c046f2f9"},
			body:      ``,
			wantQuery: url.Values{"fromImage": {"docker.io/library/busybox"}, "tag": {"sha256:babb38ababfce28f0243ad5349ca1d36086c2272d90e06a85d3ae718c046f2f9"}},
			wantAuth:  hubAuth,
			wantOut:   "docker.io/library/busybox@sha256:babb38ababfce28f0243ad5349ca1d36086c2272d90e06a85d3ae718c046f2f9\n",
		},
		{
			name:      "daemon error",
			args:      []string{"127.0.0.1:5055/hx/bb:nope"},
			status:    http.StatusNotFound,
			body:      `{"message":"manifest for 127.0.0.1:5055/hx/bb:nope not found: manifest unknown: manifest unknown"}`,
			wantQuery: bbQuery("nope"),
			wantAuth:  testerAuth,
			wantErr:   "Error response from daemon: manifest for 127.0.0.1:5055/hx/bb:nope not found: manifest unknown: manifest unknown",
		},
		{
			name:      "stream error is bare",
			args:      []string{"-q", "127.0.0.1:5055/hx/bb:1"},
			body:      `{"errorDetail":{"message":"unauthorized: authentication required"},"error":"unauthorized: authentication required"}`,
			wantQuery: bbQuery("1"),
			wantAuth:  testerAuth,
			wantErr:   "unauthorized: authentication required",
		},
		{
			name:      "401 asks for a login, impossible without a terminal",
			args:      []string{"127.0.0.1:5055/hx/bb:1"},
			status:    http.StatusUnauthorized,
			body:      `{"message":"denied"}`,
			wantQuery: bbQuery("1"),
			wantAuth:  testerAuth,
			wantOut:   "\nLogin prior to pull:\n",
			wantErr:   "Error: Cannot perform an interactive login from a non TTY device",
		},
		{name: "tag with -a", args: []string{"-a", "busybox:1"}, wantErr: "tag can't be used with --all-tags/-a"},
		{name: "upper case", args: []string{"Hx"}, wantErr: "invalid reference format: repository name (library/Hx) must be lowercase"},
		{name: "bad digest", args: []string{"a@sha256:abc"}, wantErr: "invalid reference format"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status := tt.status
			if status == 0 {
				status = 200
			}
			e := &clitest.Engine{Replies: map[string]clitest.Reply{"POST /images/create": {Status: status, Body: tt.body}}}
			r := clitest.Run(t, e, clitest.Options{Config: authConfig}, newPullCommand, tt.args...)
			if got := r.ErrText(); got != tt.wantErr {
				t.Errorf("error = %q, want %q", got, tt.wantErr)
			}
			if r.Out != tt.wantOut {
				t.Errorf("stdout = %q, want %q", r.Out, tt.wantOut)
			}
			reqs := e.Requests()
			if tt.wantQuery == nil {
				if len(reqs) != 0 {
					t.Errorf("requests = %+v, want none", reqs)
				}
				return
			}
			if len(reqs) != 1 || reqs[0].Method != "POST" || reqs[0].Path != "/images/create" {
				t.Fatalf("requests = %+v, want one POST /images/create", reqs)
			}
			if reqs[0].Query != tt.wantQuery.Encode() {
				t.Errorf("query = %s, want %s", reqs[0].Query, tt.wantQuery.Encode())
			}
			if got := decodeAuth(t, reqs[0].Header.Get("X-Registry-Auth")); got != tt.wantAuth {
				t.Errorf("X-Registry-Auth = %s, want %s", got, tt.wantAuth)
			}
		})
	}
}

func TestPush(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		body     string
		wantPath string
		wantQ    string
		wantAuth string
		wantOut  string
		wantErr  string
	}{
		{
			name:     "tagged image to a private registry",
			args:     []string{"127.0.0.1:5055/hx/bb:1"},
			body:     `{"status":"The push refers to repository [127.0.0.1:5055/hx/bb]"}` + "\n" + `{"status":"1: digest: sha256:ab size: 527"}`,
			wantPath: "/images/127.0.0.1:5055/hx/bb/push", wantQ: "tag=1",
			wantAuth: testerAuth,
			wantOut:  "The push refers to repository [127.0.0.1:5055/hx/bb]\n1: digest: sha256:ab size: 527\n",
		},
		{
			name:     "default tag; stream error printed bare",
			args:     []string{"hx-nonexist"},
			body:     `{"errorDetail":{"message":"An image does not exist locally with the tag: hx-nonexist"}}`,
			wantPath: "/images/docker.io/library/hx-nonexist/push", wantQ: "tag=latest",
			wantAuth: hubAuth,
			wantOut:  "Using default tag: latest\n",
			wantErr:  "An image does not exist locally with the tag: hx-nonexist",
		},
		{
			name:     "quiet all tags prints the repository",
			args:     []string{"-q", "-a", "example.com/x"},
			body:     `{"status":"noise"}`,
			wantPath: "/images/example.com/x/push", wantQ: "",
			wantAuth: `{}`,
			wantOut:  "example.com/x\n",
		},
		{name: "digest", args: []string{"busybox@sha256:babb38ababfce28f0243ad5349ca1d36086c2272d90e06a85d3ae718c046f2f9"}, wantErr: "cannot push a digest reference"},
		{name: "tag with -a", args: []string{"-a", "x:1"}, wantErr: "tag can't be used with --all-tags/-a"},
		{name: "digest with -a is refused as a tag", args: []string{"-a", "busybox@sha256:babb38ababfce28f0243ad5349ca1d36086c2272d90e06a85d3ae718c046f2f9"},
			wantErr: "tag can't be used with --all-tags/-a"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := &clitest.Engine{Replies: map[string]clitest.Reply{"POST " + tt.wantPath: {Body: tt.body}}}
			r := clitest.Run(t, e, clitest.Options{Config: authConfig}, newPushCommand, tt.args...)
			if got := r.ErrText(); got != tt.wantErr {
				t.Errorf("error = %q, want %q", got, tt.wantErr)
			}
			if r.Out != tt.wantOut {
				t.Errorf("stdout = %q, want %q", r.Out, tt.wantOut)
			}
			reqs := e.Requests()
			if tt.wantPath == "" {
				if len(reqs) != 0 {
					t.Errorf("requests = %+v, want none", reqs)
				}
				return
			}
			if len(reqs) != 1 || reqs[0].Method != "POST" || reqs[0].Path != tt.wantPath || reqs[0].Query != tt.wantQ {
				t.Fatalf("requests = %+v, want POST %s?%s", reqs, tt.wantPath, tt.wantQ)
			}
			if got := decodeAuth(t, reqs[0].Header.Get("X-Registry-Auth")); got != tt.wantAuth {
				t.Errorf("X-Registry-Auth = %s, want %s", got, tt.wantAuth)
			}
		})
	}
}

// TestRegistryAuthHelperFailure: a credential helper that cannot run counts
// as no credentials ("e30=") for pull and push; the registry then refuses.
func TestRegistryAuthHelperFailure(t *testing.T) {
	const cfg = `{"credHelpers":{"127.0.0.1:5055":"hx-nothere"}}`
	t.Setenv("PATH", t.TempDir())
	for _, tt := range []struct {
		name   string
		newCmd func(*cli.CLI) *cobra.Command
	}{{"pull", newPullCommand}, {"push", newPushCommand}} {
		t.Run(tt.name, func(t *testing.T) {
			ok := clitest.Reply{Body: `{"status":"ok"}`}
			e := &clitest.Engine{Replies: map[string]clitest.Reply{"POST /images/create": ok, "POST /images/127.0.0.1:5055/hx/bb/push": ok}}
			r := clitest.Run(t, e, clitest.Options{Config: cfg}, tt.newCmd, "-q", "127.0.0.1:5055/hx/bb:1")
			if r.RunErr != nil {
				t.Fatalf("error = %v", r.RunErr)
			}
			reqs := e.Requests()
			if len(reqs) != 1 || reqs[0].Header.Get("X-Registry-Auth") != "e30=" {
				t.Errorf("requests = %+v, want one with X-Registry-Auth e30=", reqs)
			}
		})
	}
}

// TestPushPlatformNote: push --platform notes what is left out, styled
// when stdout is a terminal.
func TestPushPlatformNote(t *testing.T) {
	plain := "\n" +
		" Info -> Using --platform pushes only the specified platform manifest of a multi-platform image index.\n" +
		"         Other components, like attestations, will not be included.\n" +
		"         To push the complete multi-platform image, remove the --platform flag.\n" +
		"         \n"
	styled := "\n" +
		"\x1b[1m\x1b[106m\x1b[30mi\x1b[0m\x1b[0m \x1b[96mInfo \u2192 \x1b[0m\x1b[0m" +
		"\x1b[3mUsing \x1b[1m--platform\x1b[0m pushes only the specified platform manifest of a multi-platform image index.\x1b[0m\n" +
		"         \x1b[3mOther components, like attestations, will not be included.\x1b[0m\n" +
		"         \x1b[3mTo push the complete multi-platform image, remove the \x1b[1m--platform\x1b[0m flag.\x1b[0m\n" +
		"         \x1b[3m\x1b[0m\n"
	for _, tt := range []struct {
		name string
		tty  *clitest.Terminal
		want string
	}{{"pipe", nil, plain}, {"terminal", &clitest.Terminal{Width: 80, Height: 24}, styled}} {
		t.Run(tt.name, func(t *testing.T) {
			e := &clitest.Engine{API: "1.46", Replies: map[string]clitest.Reply{"POST /images/docker.io/library/x/push": {Body: `{"status":"noise"}`}}}
			r := clitest.Run(t, e, clitest.Options{StdoutTTY: tt.tty}, newPushCommand, "-q", "--platform", "linux/amd64", "x:1")
			if r.RunErr != nil {
				t.Fatal(r.RunErr)
			}
			if want := tt.want + "docker.io/library/x:1\n"; r.Out != want {
				t.Errorf("stdout:\n%q\nwant:\n%q", r.Out, want)
			}
			if reqs := e.Requests(); len(reqs) != 1 || reqs[0].Path != "/images/docker.io/library/x/push" {
				t.Errorf("requests %q", e.Lines())
			}
		})
	}
}

// TestPullContentTrust: with content trust on, a tag is resolved through
// the notary server first (here one that refuses connections); a digest
// is pulled as it is.
func TestPullContentTrust(t *testing.T) {
	t.Setenv("DOCKER_CONTENT_TRUST", "1")
	t.Setenv("DOCKER_CONTENT_TRUST_SERVER", "https://127.0.0.1:1")
	const digest = "sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	tests := []struct {
		ref, err string
		requests int
	}{
		{"127.0.0.1:5055/hx/bb:1", "Error: error contacting notary server: dial tcp 127.0.0.1:1: connect: connection refused", 0},
		{"127.0.0.1:5055/hx/bb@" + digest, "", 1},
		{"127.0.0.1:5055/hx/bb:1@" + digest, "", 1},
	}
	for _, tt := range tests {
		e := &clitest.Engine{Replies: map[string]clitest.Reply{"POST /images/create": {Body: `{"status":"Digest: ` + digest + `"}`}}}
		r := clitest.Run(t, e, clitest.Options{}, newPullCommand, "-q", tt.ref)
		if r.ErrText() != tt.err || len(e.Requests()) != tt.requests {
			t.Errorf("%s: err %q, %d requests; want %q, %d", tt.ref, r.ErrText(), len(e.Requests()), tt.err, tt.requests)
		}
	}
}
