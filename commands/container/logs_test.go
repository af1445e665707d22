package container

import (
	"fmt"
	"net/http"
	"reflect"
	"testing"
)

// logsFrame builds one multiplexed-stream frame.
func logsFrame(stream byte, s string) string {
	n := len(s)
	return string([]byte{stream, 0, 0, 0, byte(n >> 24), byte(n >> 16), byte(n >> 8), byte(n)}) + s
}

func TestLogs(t *testing.T) {
	const id = "c70532855e11773801c448c85ece34990ea10ee589ecad089b618c4e1990b3d3"
	inspect := func(tty bool) lcReply {
		if tty {
			return lcReply{body: `{"Id":"` + id + `","Config":{"Tty":true}}`}
		}
		return lcReply{body: `{"Id":"` + id + `","Config":{"Tty":false}}`}
	}
	mux := logsFrame(1, "out1\n") + logsFrame(2, "err1\n") + logsFrame(1, "out2\n")
	tests := []struct {
		name            string
		args            []string
		tty             bool
		logs            lcReply
		requests        []string
		out, stderr, er string
	}{
		{
			name: "demultiplexed by default", args: []string{"c1"},
			logs:     lcReply{body: mux, ctype: "application/vnd.docker.raw-stream"},
			requests: []string{"GET /containers/c1/json", "GET /containers/" + id + "/logs?stderr=1&stdout=1&tail=all"},
			out:      "out1\nout2\n", stderr: "err1\n",
		},
		{
			name: "tty logs are copied raw", args: []string{"c1"}, tty: true,
			logs:     lcReply{body: "a\r\nb\r\n", ctype: "application/vnd.docker.raw-stream"},
			requests: []string{"GET /containers/c1/json", "GET /containers/" + id + "/logs?stderr=1&stdout=1&tail=all"},
			out:      "a\r\nb\r\n",
		},
		{
			name: "flags", args: []string{"-f", "-t", "--details", "-n", "3", "--since", "1700000000", "--until", "1700000100.5", "c1"},
			logs:     lcReply{body: mux},
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
			logs:     lcReply{body: logsFrame(1, "x\n") + logsFrame(3, "boom")},
			requests: []string{"GET /containers/c1/json", "GET /containers/" + id + "/logs?stderr=1&stdout=1&tail=all"},
			out:      "x\n", er: "error from daemon in stream: boom",
		},
		{
			name: "a stream cut inside a frame ends quietly", args: []string{"c1"},
			logs:     lcReply{body: logsFrame(1, "x\n") + logsFrame(1, "partial")[:10]},
			requests: []string{"GET /containers/c1/json", "GET /containers/" + id + "/logs?stderr=1&stdout=1&tail=all"},
			out:      "x\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := &lcEngine{replies: map[string]lcReply{
				"GET /containers/c1/json":         inspect(tt.tty),
				"GET /containers/" + id + "/logs": tt.logs,
			}}
			r := lcRun(t, e, "", newLogsCommand, tt.args...)
			if !reflect.DeepEqual(e.requests(), tt.requests) {
				t.Errorf("requests %q\nwant     %q", e.requests(), tt.requests)
			}
			if r.out != tt.out || r.err != tt.stderr || r.errText() != tt.er {
				t.Errorf("stdout %q stderr %q error %q\nwant   %q        %q       %q", r.out, r.err, r.errText(), tt.out, tt.stderr, tt.er)
			}
		})
	}
}

func TestLogsMissingContainer(t *testing.T) {
	e := &lcEngine{replies: map[string]lcReply{"GET /containers/nope/json": {status: http.StatusNotFound, body: `{"message":"No such container: nope"}`}}}
	r := lcRun(t, e, "", newLogsCommand, "--since", "bogus", "nope")
	if want := "Error response from daemon: No such container: nope"; r.errText() != want {
		t.Errorf("error %q, want %q", r.errText(), want)
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
	e := &lcEngine{replies: map[string]lcReply{
		"GET /containers/c1/json":   {body: `{"Id":"` + id + `","Config":{"Tty":false}}`},
		"GET /containers/c1id/logs": {body: string(body)},
	}}
	r := lcRun(t, e, "", newLogsCommand, "c1")
	if r.runErr != nil {
		t.Fatal(r.runErr)
	}
	if r.out != string(wantOut) || r.err != string(wantErr) {
		t.Errorf("got %d/%d bytes on stdout/stderr, want %d/%d", len(r.out), len(r.err), len(wantOut), len(wantErr))
	}
}
