package container

import (
	"fmt"
	"net/http"
	"reflect"
	"testing"

	"github.com/dockerclone/docker/cli/clitest"
)

// logsFrame builds one multiplexed-stream frame.
func logsFrame(stream byte, s string) string {
	n := len(s)
	return string([]byte{stream, 0, 0, 0, byte(n >> 24), byte(n >> 16), byte(n >> 8), byte(n)}) + s
}

func TestLogs(t *testing.T) {
	const id = "c70532855e11773801c448c85ece34990ea10ee589ecad089b618c4e1990b3d3"
	inspect := func(tty bool) clitest.Reply {
		if tty {
			return clitest.Reply{Body: `{"Id":"` + id + `","Config":{"Tty":true}}`}
		}
		return clitest.Reply{Body: `{"Id":"` + id + `","Config":{"Tty":false}}`}
	}
	mux := logsFrame(1, "out1\n") + logsFrame(2, "err1\n") + logsFrame(1, "out2\n")
	tests := []struct {
		name            string
		args            []string
		tty             bool
		logs            clitest.Reply
		requests        []string
		out, stderr, er string
	}{
		{
			name: "demultiplexed by default", args: []string{"c1"},
			logs:     clitest.Reply{Body: mux, Header: map[string]string{"Content-Type": "application/vnd.docker.raw-stream"}},
			requests: []string{"GET /containers/c1/json", "GET /containers/" + id + "/logs?stderr=1&stdout=1&tail=all"},
			out:      "out1\nout2\n", stderr: "err1\n",
		},
		{
			name: "tty logs are copied raw", args: []string{"c1"}, tty: true,
			logs:     clitest.Reply{Body: "a\r\nb\r\n", Header: map[string]string{"Content-Type": "application/vnd.docker.raw-stream"}},
			requests: []string{"GET /containers/c1/json", "GET /containers/" + id + "/logs?stderr=1&stdout=1&tail=all"},
			out:      "a\r\nb\r\n",
		},
		{
			name: "flags", args: []string{"-f", "-t", "--details", "-n", "3", "--since", "1700000000", "--until", "1700000100.5", "c1"},
			logs:     clitest.Reply{Body: mux},
			requests: []string{"GET /containers/c1/json", "GET /containers/" + id + "/logs?details=1&follow=1&since=1700000000&stderr=1&stdout=1&tail=3&timestamps=1&until=1700000100.5"},
			out:      "out1\nout2\n", stderr: "err1\n",
		},
		{
			name: "a bad --since is reported after the container is found", args: []string{"--since", "bogus", "c1"},
			requests: []string{"GET /containers/c1/json"},
			er:       `invalid value for "since": failed to parse value as time or duration: "bogus"`,
		},
		{
			name: "a bad --until", args: []string{"--until", "2020-13-01", "c1"},
			requests: []string{"GET /containers/c1/json"},
			er:       `invalid value for "until": parsing time "2020-13-01": month out of range`,
		},
		{
			name: "a systemerr frame ends the copy with the daemon's message", args: []string{"c1"},
			logs:     clitest.Reply{Body: logsFrame(1, "x\n") + logsFrame(3, "boom")},
			requests: []string{"GET /containers/c1/json", "GET /containers/" + id + "/logs?stderr=1&stdout=1&tail=all"},
			out:      "x\n", er: "error from daemon in stream: boom",
		},
		{
			name: "a stream cut inside a frame ends quietly", args: []string{"c1"},
			logs:     clitest.Reply{Body: logsFrame(1, "x\n") + logsFrame(1, "partial")[:10]},
			requests: []string{"GET /containers/c1/json", "GET /containers/" + id + "/logs?stderr=1&stdout=1&tail=all"},
			out:      "x\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := &clitest.Engine{Replies: map[string]clitest.Reply{
				"GET /containers/c1/json":         inspect(tt.tty),
				"GET /containers/" + id + "/logs": tt.logs,
			}}
			r := clitest.Run(t, e, clitest.Options{}, newLogsCommand, tt.args...)
			if !reflect.DeepEqual(e.Lines(), tt.requests) {
				t.Errorf("requests %q\nwant     %q", e.Lines(), tt.requests)
			}
			if r.Out != tt.out || r.Err != tt.stderr || r.ErrText() != tt.er {
				t.Errorf("stdout %q stderr %q error %q\nwant   %q        %q       %q", r.Out, r.Err, r.ErrText(), tt.out, tt.stderr, tt.er)
			}
		})
	}
}

func TestLogsMissingContainer(t *testing.T) {
	e := &clitest.Engine{Replies: map[string]clitest.Reply{"GET /containers/nope/json": {Status: http.StatusNotFound, Body: `{"message":"No such container: nope"}`}}}
	r := clitest.Run(t, e, clitest.Options{}, newLogsCommand, "--since", "bogus", "nope")
	if want := "Error response from daemon: No such container: nope"; r.ErrText() != want {
		t.Errorf("error %q, want %q", r.ErrText(), want)
	}
}

// A log larger than the coalescing threshold comes through whole and in order.
func TestLogsLarge(t *testing.T) {
	const id = "c1id"
	var body, wantOut, wantErr []byte
	for i := range 40000 {
		line := fmt.Sprintf("line %d 0123456789abcdefghijklmnopqrstuvwxyz\n", i)
		stream := byte(1)
		if i%7 == 0 {
			stream = 2
			wantErr = append(wantErr, line...)
		} else {
			wantOut = append(wantOut, line...)
		}
		body = append(body, logsFrame(stream, line)...)
	}
	e := &clitest.Engine{Replies: map[string]clitest.Reply{
		"GET /containers/c1/json":   {Body: `{"Id":"` + id + `","Config":{"Tty":false}}`},
		"GET /containers/c1id/logs": {Body: string(body)},
	}}
	r := clitest.Run(t, e, clitest.Options{}, newLogsCommand, "c1")
	if r.RunErr != nil {
		t.Fatal(r.RunErr)
	}
	if r.Out != string(wantOut) || r.Err != string(wantErr) {
		t.Errorf("got %d/%d bytes on stdout/stderr, want %d/%d", len(r.Out), len(r.Err), len(wantOut), len(wantErr))
	}
}
