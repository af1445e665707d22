package checkpoint

import (
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/clitest"
)

// The subcommands are run alone: the group is refused by daemons that are
// not experimental, which the fake engine does not claim to be.
func TestCheckpointCommands(t *testing.T) {
	for _, tt := range []struct {
		name     string
		build    func(*cli.CLI) *cobra.Command
		args     []string
		replies  map[string]clitest.Reply
		out, err string
		line     string // the one request sent
		body     string // its body, when it has one
	}{
		{
			name: "create prints the checkpoint's name", build: newCreateCommand,
			args:    []string{"hx-c", "cp1"},
			replies: map[string]clitest.Reply{"POST /containers/hx-c/checkpoints": {Status: 201}},
			out:     "cp1\n", line: "POST /containers/hx-c/checkpoints",
			body: `{"CheckpointID":"cp1","CheckpointDir":"","Exit":true}`,
		},
		{
			name: "create leaving the container running, in a directory", build: newCreateCommand,
			args:    []string{"--leave-running", "--checkpoint-dir", "/tmp/hx", "hx-c", "cp1"},
			replies: map[string]clitest.Reply{"POST /containers/hx-c/checkpoints": {Status: 201}},
			out:     "cp1\n", line: "POST /containers/hx-c/checkpoints",
			body: `{"CheckpointID":"cp1","CheckpointDir":"/tmp/hx","Exit":false}`,
		},
		{
			name: "create fails: nothing printed", build: newCreateCommand,
			args:    []string{"hx-gone", "cp1"},
			replies: map[string]clitest.Reply{"POST /containers/hx-gone/checkpoints": clitest.NotFound("No such container: hx-gone")},
			err:     "Error response from daemon: No such container: hx-gone", line: "POST /containers/hx-gone/checkpoints",
			body: `{"CheckpointID":"cp1","CheckpointDir":"","Exit":true}`,
		},
		{
			name: "ls", build: newListCommand,
			args:    []string{"--checkpoint-dir", "/tmp/hx", "hx-c"},
			replies: map[string]clitest.Reply{"GET /containers/hx-c/checkpoints": {Body: `[{"Name":"cp1"},{"Name":"cp2"}]`}},
			out:     "CHECKPOINT NAME\ncp1\ncp2\n", line: "GET /containers/hx-c/checkpoints?dir=%2Ftmp%2Fhx",
		},
		{
			name: "ls of none shows the header", build: newListCommand,
			args:    []string{"hx-c"},
			replies: map[string]clitest.Reply{"GET /containers/hx-c/checkpoints": {Body: `[]`}},
			out:     "CHECKPOINT NAME\n", line: "GET /containers/hx-c/checkpoints",
		},
		{
			name: "rm prints nothing", build: newRemoveCommand,
			args:    []string{"--checkpoint-dir", "/tmp/hx", "hx-c", "cp1"},
			replies: map[string]clitest.Reply{"DELETE /containers/hx-c/checkpoints/cp1": {Status: 204}},
			line:    "DELETE /containers/hx-c/checkpoints/cp1?dir=%2Ftmp%2Fhx",
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e := &clitest.Engine{Replies: tt.replies}
			r := clitest.Run(t, e, clitest.Options{}, tt.build, tt.args...)
			if r.Out != tt.out || r.ErrText() != tt.err {
				t.Errorf("out %q err %q, want %q and %q", r.Out, r.ErrText(), tt.out, tt.err)
			}
			reqs := e.Requests()
			if len(reqs) != 1 || reqs[0].Line() != tt.line {
				t.Fatalf("requests %v, want %s", e.Lines(), tt.line)
			}
			if got := strings.TrimSpace(reqs[0].Body); got != tt.body {
				t.Errorf("body %s, want %s", got, tt.body)
			}
		})
	}
}

func TestCheckpointUsageNeverDials(t *testing.T) {
	e := &clitest.Engine{}
	r := clitest.Run(t, e, clitest.Options{}, newCreateCommand, "hx-c")
	if r.RunErr == nil || e.Contacts() != 0 {
		t.Errorf("err %v, contacts %d: want a usage error and no request", r.RunErr, e.Contacts())
	}
}
