package clitest

import (
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
)

func TestEngineRecordsAndAnswers(t *testing.T) {
	e := &Engine{
		API:      "1.45",
		Replies:  map[string]Reply{"POST /images/create": {Status: 201, Body: "{}", Header: map[string]string{"X-A": "b"}}},
		Handlers: map[string]http.HandlerFunc{"POST /build": func(w http.ResponseWriter, r *http.Request) { io.Copy(w, r.Body) }},
	}
	base := "http://" + strings.TrimPrefix(e.Serve(t), "tcp://")
	ping, err := http.Get(base + "/_ping")
	if err != nil || ping.Header.Get("Api-Version") != "1.45" {
		t.Fatalf("ping: %v %v", err, ping.Header)
	}
	req, _ := http.NewRequest("POST", base+"/v1.45/images/create?fromImage=x", strings.NewReader("in"))
	req.Header.Set("X-Registry-Auth", "e30=")
	resp, err := http.DefaultClient.Do(req)
	if err != nil || resp.StatusCode != 201 || resp.Header.Get("X-A") != "b" || resp.Header.Get("Content-Type") != "application/json" {
		t.Fatalf("reply: %v %v", err, resp)
	}
	resp, err = http.Post(base+"/build", "text/plain", strings.NewReader("echoed"))
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := io.ReadAll(resp.Body); string(b) != "echoed" {
		t.Errorf("handler read %q", b)
	}
	got := e.Requests()
	if len(got) != 2 || got[0].Header.Get("X-Registry-Auth") != "e30=" || got[0].Body != "in" || got[1].Body != "echoed" {
		t.Errorf("requests %+v", got)
	}
	if want := []string{"POST /images/create?fromImage=x", "POST /build"}; !slices.Equal(e.Lines(), want) {
		t.Errorf("lines %q, want %q", e.Lines(), want)
	}
	if e.Contacts() != 3 {
		t.Errorf("%d contacts, want 3 (the ping counts)", e.Contacts())
	}
}

func TestRunStreams(t *testing.T) {
	probe := func(c *cli.CLI) *cobra.Command {
		return &cobra.Command{Use: "probe", RunE: func(*cobra.Command, []string) error {
			h, w := c.Out.Size()
			fmt.Fprintf(c.Out, "in %v out %v %dx%d err %v", c.In.IsTerminal(), c.Out.IsTerminal(), w, h, c.Err.IsTerminal())
			fmt.Fprint(c.Err, "!")
			return nil
		}}
	}
	tests := []struct {
		opts     Options
		out, err string
	}{
		{Options{}, "in false out false 0x0 err false", "!"},
		{Options{StdinTTY: true, StdoutTTY: &Terminal{80, 24}, StderrTTY: &Terminal{80, 24}}, "in true out true 80x24 err true", "!"},
		// Stderr is not buffered: it comes first when stdout is a pipe.
		{Options{Combined: true}, "!in false out false 0x0 err false", ""},
	}
	for _, tt := range tests {
		r := Run(t, &Engine{}, tt.opts, probe)
		if r.Out != tt.out || r.Err != tt.err {
			t.Errorf("%+v: stdout %q stderr %q, want %q %q", tt.opts, r.Out, r.Err, tt.out, tt.err)
		}
	}
}
