package image

import (
	"io"
	"strings"
	"testing"

	"github.com/creack/pty"

	"github.com/dockerclone/docker/cli"
)

// TestRenderProgressTerminalWidth draws a layer's progress on a pty: bars
// appear only when the terminal is wide enough, and a pty that reports no
// width (as under script(1)) gets none, as with the reference.
func TestRenderProgressTerminalWidth(t *testing.T) {
	const stream = `{"status":"Downloading","progressDetail":{"current":1000,"total":3000},"progress":"x","id":"be6517859b00"}` + "\n"
	tests := []struct {
		name    string
		cols    uint16
		wantBar bool
	}{
		{"no width", 0, false},
		{"narrow", 80, false},
		{"wide", 150, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			master, slave, err := pty.Open()
			if err != nil {
				t.Skipf("no pty: %v", err)
			}
			defer master.Close()
			if err := pty.Setsize(slave, &pty.Winsize{Rows: 24, Cols: tt.cols}); err != nil {
				t.Fatal(err)
			}
			c := cli.New(cli.Streams{In: cli.NewIn(strings.NewReader("")), Out: cli.NewOut(slave), Err: cli.NewOut(io.Discard)})
			if err := renderProgress(c, strings.NewReader(stream), false); err != nil {
				t.Fatal(err)
			}
			slave.Close()
			out, _ := io.ReadAll(master)
			if !strings.Contains(string(out), "be6517859b00: Downloading") {
				t.Fatalf("output %q lacks the layer line", out)
			}
			if got := strings.Contains(string(out), "[="); got != tt.wantBar {
				t.Errorf("bar drawn = %v, want %v; output %q", got, tt.wantBar, out)
			}
		})
	}
}
