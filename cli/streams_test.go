package cli

import (
	"bytes"
	"strings"
	"testing"

	"github.com/creack/pty"
)

// TestOutSize: a real terminal reports its size, a pipe none, and a
// simulated terminal the size it was given; only a pipe is buffered.
func TestOutSize(t *testing.T) {
	master, slave, err := pty.Open()
	if err != nil {
		t.Skipf("no pty: %v", err)
	}
	defer master.Close()
	defer slave.Close()
	if err := pty.Setsize(slave, &pty.Winsize{Rows: 24, Cols: 150}); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	tests := []struct {
		name     string
		out      *Out
		terminal bool
		h, w     uint
	}{
		{"pty", NewOut(slave), true, 24, 150},
		{"pipe", NewOut(&buf), false, 0, 0},
		{"simulated", NewTerminalOut(&buf, 80, 25), true, 25, 80},
	}
	for _, tt := range tests {
		h, w := tt.out.Size()
		if tt.out.IsTerminal() != tt.terminal || h != tt.h || w != tt.w {
			t.Errorf("%s: terminal %v size %dx%d, want %v %dx%d", tt.name, tt.out.IsTerminal(), h, w, tt.terminal, tt.h, tt.w)
		}
		if (tt.out.buf == nil) != tt.terminal {
			t.Errorf("%s: buffered %v on a terminal %v", tt.name, tt.out.buf != nil, tt.terminal)
		}
		if err := tt.out.SetRaw(); err != nil {
			t.Errorf("%s: SetRaw: %v", tt.name, err)
		}
		tt.out.Restore()
	}
}

// TestTerminalIn: a simulated terminal never touches the process's own
// terminal modes.
func TestTerminalIn(t *testing.T) {
	in := NewTerminalIn(strings.NewReader("x"))
	if !in.IsTerminal() || NewIn(strings.NewReader("x")).IsTerminal() {
		t.Fatal("terminal detection")
	}
	if err := in.SetRaw(); err != nil || in.state != nil {
		t.Errorf("SetRaw changed a mode: %v", err)
	}
	restore, err := in.DisableEcho()
	if err != nil {
		t.Fatal(err)
	}
	restore()
}
