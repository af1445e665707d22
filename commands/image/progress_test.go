package image

import (
	"strings"
	"testing"

	"github.com/dockerclone/docker/cli/clitest"
)

// TestPullProgressTerminalWidth pulls on a terminal: a layer's progress is
// redrawn in place, with a bar only when the terminal is wide enough; a
// terminal that reports no width (a pty under script(1)) gets none, as with
// the reference. On a pipe the same stream prints no progress.
func TestPullProgressTerminalWidth(t *testing.T) {
	const stream = `{"status":"Downloading","progressDetail":{"current":1000,"total":3000},"progress":"x","id":"be6517859b00"}` + "\n"
	const line = "\n\x1b[1A\x1b[2K\rbe6517859b00: Downloading      1kB/3kB\r\x1b[1Bdocker.io/library/busybox:1\n"
	tests := []struct {
		name    string
		tty     *clitest.Terminal
		wantBar bool
		want    string
	}{
		{"no width", &clitest.Terminal{Height: 24}, false, line},
		{"narrow", &clitest.Terminal{Width: 80, Height: 24}, false, line},
		{"wide", &clitest.Terminal{Width: 150, Height: 24}, true, strings.Replace(line, "Downloading ", "Downloading [================>                                  ] ", 1)},
		{"pipe", nil, false, "docker.io/library/busybox:1\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := &clitest.Engine{Replies: map[string]clitest.Reply{"POST /images/create": {Body: stream}}}
			r := clitest.Run(t, e, clitest.Options{StdoutTTY: tt.tty}, newPullCommand, "busybox:1")
			if r.RunErr != nil {
				t.Fatal(r.RunErr)
			}
			if tt.tty != nil && !strings.Contains(r.Out, "be6517859b00: Downloading") {
				t.Fatalf("output %q lacks the layer line", r.Out)
			}
			if got := strings.Contains(r.Out, "[="); got != tt.wantBar {
				t.Errorf("bar drawn = %v, want %v; output %q", got, tt.wantBar, r.Out)
			}
			if r.Out != tt.want {
				t.Errorf("output %q\nwant   %q", r.Out, tt.want)
			}
		})
	}
}
