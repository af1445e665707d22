package container

import (
	"encoding/json"
	"net/http"
	"slices"
	"testing"

	"github.com/dockerclone/docker/cli/clitest"
)

// TestRunTerminal: with -t on a terminal the container is created with the
// terminal's size and resized to it once started, and its output is copied
// raw; on a pipe there is no size to give.
func TestRunTerminal(t *testing.T) {
	attach := func(w http.ResponseWriter, r *http.Request) {
		conn, buf, err := w.(http.Hijacker).Hijack()
		if err != nil {
			t.Error(err)
			return
		}
		defer conn.Close()
		buf.WriteString("HTTP/1.1 101 UPGRADED\r\nContent-Type: application/vnd.docker.raw-stream\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\nhello\r\n")
		buf.Flush()
	}
	tests := []struct {
		name    string
		opts    clitest.Options
		args    []string
		console [2]uint
		resize  bool
		out     string
		err     string
		code    int
	}{
		{name: "interactive on a 100x30 terminal", args: []string{"-it", "busybox"},
			opts:    clitest.Options{StdinTTY: true, StdoutTTY: &clitest.Terminal{Width: 100, Height: 30}},
			console: [2]uint{30, 100}, resize: true, out: "hello\r\n", code: 3},
		{name: "detached on a pipe", args: []string{"-d", "-t", "busybox"}, out: "c1\n"},
		{name: "interactive with stdin a pipe", args: []string{"-it", "busybox"},
			opts: clitest.Options{StdoutTTY: &clitest.Terminal{Width: 100, Height: 30}},
			err:  "the input device is not a TTY", code: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := &clitest.Engine{
				Replies: map[string]clitest.Reply{
					"POST /containers/create":    {Status: 201, Body: `{"Id":"c1"}`},
					"POST /containers/c1/start":  {Status: 204},
					"POST /containers/c1/wait":   {Body: `{"StatusCode":3}`},
					"POST /containers/c1/resize": {},
				},
				Handlers: map[string]http.HandlerFunc{"POST /containers/c1/attach": attach},
			}
			r := clitest.Run(t, e, tt.opts, newRunCommand, tt.args...)
			code := r.ExitCode()
			if r.Out != tt.out || r.ErrText() != tt.err || code != tt.code {
				t.Errorf("stdout %q error %q code %d, want %q %q %d", r.Out, r.ErrText(), code, tt.out, tt.err, tt.code)
			}
			reqs := e.Requests()
			if tt.err != "" {
				if len(reqs) != 0 {
					t.Errorf("requests %q, want none", e.Lines())
				}
				return
			}
			var body struct{ HostConfig struct{ ConsoleSize [2]uint } }
			if err := json.Unmarshal([]byte(reqs[0].Body), &body); err != nil || reqs[0].Path != "/containers/create" {
				t.Fatalf("first request %s %q: %v", reqs[0].Line(), reqs[0].Body, err)
			}
			if body.HostConfig.ConsoleSize != tt.console {
				t.Errorf("ConsoleSize %v, want %v", body.HostConfig.ConsoleSize, tt.console)
			}
			if got := slices.Contains(e.Lines(), "POST /containers/c1/resize?h=30&w=100"); got != tt.resize {
				t.Errorf("resized: %v, want %v; requests %q", got, tt.resize, e.Lines())
			}
		})
	}
}
