package container

import (
	"net/http"
	"reflect"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/clitest"
)

func TestMultiContainerCommands(t *testing.T) {
	ok := clitest.Reply{Status: http.StatusNoContent}
	tests := []struct {
		name     string
		api      string
		newCmd   func(*cli.CLI) *cobra.Command
		args     []string
		replies  map[string]clitest.Reply
		requests []string // sorted: the calls run concurrently
		out      string
		stderr   string
		err      string
	}{
		{
			name: "stop prints names as typed, in order, errors joined", newCmd: newStopCommand,
			args: []string{"-t", "1", "b", "missing", "a", "gone"},
			replies: map[string]clitest.Reply{"POST /containers/a/stop": ok, "POST /containers/b/stop": {Status: http.StatusNotModified},
				"POST /containers/missing/stop": clitest.NotFound("No such container: missing"), "POST /containers/gone/stop": clitest.NotFound("No such container: gone")},
			requests: []string{"POST /containers/a/stop?t=1", "POST /containers/b/stop?t=1", "POST /containers/gone/stop?t=1", "POST /containers/missing/stop?t=1"},
			out:      "b\na\n",
			err:      "Error response from daemon: No such container: missing\nError response from daemon: No such container: gone",
		},
		{
			name: "stop without -t leaves the timeout to the daemon; signal dropped below API 1.42", newCmd: newStopCommand,
			args: []string{"-s", "TERM", "a"}, replies: map[string]clitest.Reply{"POST /containers/a/stop": ok},
			requests: []string{"POST /containers/a/stop"}, out: "a\n",
		},
		{
			name: "stop sends the signal from API 1.42", api: "1.42", newCmd: newStopCommand,
			args: []string{"-s", "TERM", "-t", "0", "a"}, replies: map[string]clitest.Reply{"POST /containers/a/stop": ok},
			requests: []string{"POST /containers/a/stop?signal=TERM&t=0"}, out: "a\n",
		},
		{
			name: "an empty name fails before any request", newCmd: newStopCommand,
			args: []string{" ", "a"}, replies: map[string]clitest.Reply{"POST /containers/a/stop": ok},
			requests: []string{"POST /containers/a/stop"}, out: "a\n",
			err: "invalid container name or ID: value is empty",
		},
		{
			name: "names are trimmed of spaces for the request only", newCmd: newKillCommand,
			args: []string{" a "}, replies: map[string]clitest.Reply{"POST /containers/a/kill": ok},
			requests: []string{"POST /containers/a/kill"}, out: " a \n",
		},
		{
			name: "kill with a signal", newCmd: newKillCommand,
			args: []string{"-s", "HUP", "a", "b"}, replies: map[string]clitest.Reply{"POST /containers/a/kill": ok, "POST /containers/b/kill": {Status: 409, Body: `{"message":"Cannot kill container: b: Container b is not running"}`}},
			requests: []string{"POST /containers/a/kill?signal=HUP", "POST /containers/b/kill?signal=HUP"}, out: "a\n",
			err: "Error response from daemon: Cannot kill container: b: Container b is not running",
		},
		{
			name: "rm flags", newCmd: newRmCommand,
			args: []string{"-f", "-v", "-l", "a"}, replies: map[string]clitest.Reply{"DELETE /containers/a": ok},
			requests: []string{"DELETE /containers/a?force=1&link=1&v=1"}, out: "a\n",
		},
		{
			name: "rm -f reports a missing container but does not fail", newCmd: newRmCommand,
			args: []string{"-f", "missing", "a"}, replies: map[string]clitest.Reply{"DELETE /containers/a": ok, "DELETE /containers/missing": clitest.NotFound("No such container: missing")},
			requests: []string{"DELETE /containers/a?force=1", "DELETE /containers/missing?force=1"}, out: "a\n",
			stderr: "Error response from daemon: No such container: missing\n",
		},
		{
			name: "rm -f still fails on other errors", newCmd: newRmCommand,
			args: []string{"-f", "/", "missing"}, replies: map[string]clitest.Reply{"DELETE /containers/missing": clitest.NotFound("No such container: missing")},
			requests: []string{"DELETE /containers/missing?force=1"},
			stderr:   "Error response from daemon: No such container: missing\n",
			err:      "container name cannot be empty",
		},
		{
			name: "rm without -f fails on a missing container; leading slash dropped", newCmd: newRmCommand,
			args: []string{"/a", "missing"}, replies: map[string]clitest.Reply{"DELETE /containers/a": ok, "DELETE /containers/missing": clitest.NotFound("No such container: missing")},
			requests: []string{"DELETE /containers/a", "DELETE /containers/missing"}, out: "/a\n",
			err: "Error response from daemon: No such container: missing",
		},
		{
			name: "restart", newCmd: newRestartCommand,
			args: []string{"-t", "3", "a"}, replies: map[string]clitest.Reply{"POST /containers/a/restart": ok},
			requests: []string{"POST /containers/a/restart?t=3"}, out: "a\n",
		},
		{
			name: "pause", newCmd: newPauseCommand,
			args: []string{"a", "b"}, replies: map[string]clitest.Reply{"POST /containers/a/pause": ok, "POST /containers/b/pause": {Status: 409, Body: `{"message":"Container b is not running"}`}},
			requests: []string{"POST /containers/a/pause", "POST /containers/b/pause"}, out: "a\n",
			err: "Error response from daemon: Container b is not running",
		},
		{
			name: "unpause", newCmd: newUnpauseCommand,
			args: []string{"a"}, replies: map[string]clitest.Reply{"POST /containers/a/unpause": ok},
			requests: []string{"POST /containers/a/unpause"}, out: "a\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := &clitest.Engine{API: tt.api, Replies: tt.replies}
			r := clitest.Run(t, e, clitest.Options{}, tt.newCmd, tt.args...)
			if got := e.SortedLines(); !reflect.DeepEqual(got, tt.requests) {
				t.Errorf("requests %q\nwant     %q", got, tt.requests)
			}
			if r.Out != tt.out || r.Err != tt.stderr || r.ErrText() != tt.err {
				t.Errorf("stdout %q stderr %q error %q\nwant   %q        %q       %q", r.Out, r.Err, r.ErrText(), tt.out, tt.stderr, tt.err)
			}
		})
	}
}

// A hundred containers never have more than fifty requests in flight, and
// the output keeps the argument order whatever order they finish in.
func TestStopManyKeepsOrder(t *testing.T) {
	var names []string
	replies := map[string]clitest.Reply{}
	for i := range 100 {
		n := "c" + strings.Repeat("x", i%7) + string(rune('a'+i%26)) + string(rune('a'+i/26))
		names = append(names, n)
		replies["POST /containers/"+n+"/stop"] = clitest.Reply{Status: http.StatusNoContent}
	}
	e := &clitest.Engine{Replies: replies}
	r := clitest.Run(t, e, clitest.Options{}, newStopCommand, names...)
	if r.RunErr != nil {
		t.Fatal(r.RunErr)
	}
	if want := strings.Join(names, "\n") + "\n"; r.Out != want {
		t.Errorf("output out of order:\n%s", r.Out)
	}
	if n := len(e.Requests()); n != 100 {
		t.Errorf("%d requests", n)
	}
}

func TestWait(t *testing.T) {
	e := &clitest.Engine{Replies: map[string]clitest.Reply{
		"POST /containers/a/wait":       {Body: `{"StatusCode":3}`},
		"POST /containers/b/wait":       {Body: `{"StatusCode":0,"Error":{"Message":"boom"}}`},
		"POST /containers/missing/wait": clitest.NotFound("No such container: missing"),
		"POST /containers/c/wait":       {Body: `{"StatusCode":0}`},
	}}
	r := clitest.Run(t, e, clitest.Options{}, newWaitCommand, "a", "missing", "b", "c")
	if want := []string{"POST /containers/a/wait", "POST /containers/missing/wait", "POST /containers/b/wait", "POST /containers/c/wait"}; !reflect.DeepEqual(e.Lines(), want) {
		t.Errorf("requests %q", e.Lines())
	}
	if r.Out != "3\n0\n" {
		t.Errorf("stdout %q", r.Out)
	}
	if want := "Error response from daemon: No such container: missing\nboom"; r.ErrText() != want {
		t.Errorf("error %q, want %q", r.ErrText(), want)
	}
}

func TestRename(t *testing.T) {
	tests := []struct {
		args           []string
		reply          clitest.Reply
		requests       []string
		stderr, errMsg string
	}{
		{args: []string{"a", "b"}, reply: clitest.Reply{Status: http.StatusNoContent}, requests: []string{"POST /containers/a/rename?name=b"}},
		{args: []string{"a", " "}, errMsg: "Error: Neither old nor new names may be empty"},
		{args: []string{"missing", "b"}, reply: clitest.NotFound("No such container: missing"), requests: []string{"POST /containers/missing/rename?name=b"},
			stderr: "Error response from daemon: No such container: missing\n", errMsg: "Error: failed to rename container named missing"},
	}
	for _, tt := range tests {
		e := &clitest.Engine{Replies: map[string]clitest.Reply{"POST /containers/" + tt.args[0] + "/rename": tt.reply}}
		r := clitest.Run(t, e, clitest.Options{}, newRenameCommand, tt.args...)
		if !reflect.DeepEqual(e.Lines(), tt.requests) || r.Err != tt.stderr || r.ErrText() != tt.errMsg || r.Out != "" {
			t.Errorf("rename %q: requests %q stderr %q error %q", tt.args, e.Lines(), r.Err, r.ErrText())
		}
	}
}

func TestCommit(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		request string
		err     string
	}{
		{"no repository sends empty values", []string{"c1"}, "POST /commit?author=&comment=&container=c1&repo=&tag=", ""},
		{"repository is normalized and tagged latest", []string{"c1", "busybox"}, "POST /commit?author=&comment=&container=c1&repo=docker.io%2Flibrary%2Fbusybox&tag=latest", ""},
		{"all flags", []string{"-p=false", "-m", "msg", "-a", "me", "-c", "ENV A=1", "-c", "CMD [\"x\"]", "c1", "localhost:5000/x:v1"},
			"POST /commit?author=me&changes=ENV+A%3D1&changes=CMD+%5B%22x%22%5D&comment=msg&container=c1&pause=0&repo=localhost%3A5000%2Fx&tag=v1", ""},
		{"upper case is refused before any request", []string{"c1", "Bad:Name"}, "", "invalid reference format: repository name (library/Bad) must be lowercase"},
		{"digests are refused", []string{"c1", "x@sha256:66c4f7ec1ba1ab1d4512f5d23908110c918c9f23b19ebd7d60f9340ed1dad82a"}, "", "refusing to create a tag with a digest reference"},
		{"flags after the container are arguments", []string{"c1", "x", "-m", "m"}, "",
			"docker: 'commit' requires at least 1 and at most 2 arguments\n\nUsage:  commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]\n\nRun 'commit --help' for more information"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := &clitest.Engine{Replies: map[string]clitest.Reply{"POST /commit": {Status: 201, Body: `{"Id":"sha256:abc"}`}}}
			r := clitest.Run(t, e, clitest.Options{}, newCommitCommand, tt.args...)
			var want []string
			if tt.request != "" {
				want = []string{tt.request}
			}
			if !reflect.DeepEqual(e.Lines(), want) {
				t.Errorf("requests %q\nwant     %q", e.Lines(), want)
			}
			if r.ErrText() != tt.err {
				t.Errorf("error %q\nwant  %q", r.ErrText(), tt.err)
			}
			if tt.err == "" && r.Out != "sha256:abc\n" {
				t.Errorf("stdout %q", r.Out)
			}
		})
	}
}
