//go:build e2e

package container

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/dockerclone/docker/e2e/e2etest"
)

func containerRunning(t *testing.T, name string) bool {
	t.Helper()
	_, body := e2etest.API(t, http.MethodGet, "/containers/"+name+"/json", nil)
	var st struct{ State struct{ Running bool } }
	if err := json.Unmarshal(body, &st); err != nil {
		t.Fatalf("inspect %s: %v: %s", name, err, body)
	}
	return st.State.Running
}

func TestInteractiveTTYDetachAndAttach(t *testing.T) {
	name := e2etest.ContainerName(t, "hx-tty")
	term := e2etest.StartTerminal(t, nil, "", "run", "-it", "--name", name, "--network", "none", e2etest.Image, "sh")
	term.Expect(`/ # `)
	term.Send("echo hel''lo\r")
	term.Expect(`hello\r\n`)
	term.Send("stty size\r")
	term.Expect(`24 80\r\n`)

	term.Resize(30, 100) // docker is the terminal's foreground process
	time.Sleep(300 * time.Millisecond)
	term.Send("stty size\r")
	term.Expect(`30 100\r\n`)

	term.Send("\x10\x11") // ctrl-p ctrl-q
	if code := term.Wait(30 * time.Second); code != 0 {
		t.Fatalf("detach: exit %d, want 0", code)
	}
	if !term.Restored() {
		t.Error("terminal settings not restored after detach")
	}
	if !containerRunning(t, name) {
		t.Fatal("container stopped after detach")
	}

	term = e2etest.StartTerminal(t, nil, "", "attach", name)
	time.Sleep(300 * time.Millisecond)
	term.Send("echo again\r")
	term.Expect(`again\r\n`)
	term.Send("exit 3\r")
	if code := term.Wait(30 * time.Second); code != 3 {
		t.Fatalf("attach: exit %d, want the shell's 3", code)
	}
	if !term.Restored() {
		t.Error("terminal settings not restored after attach")
	}
}

func TestInteractiveExecTTY(t *testing.T) {
	name := e2etest.ContainerName(t, "hx-exectty")
	e2etest.RunOK(t, "run", "-d", "--name", name, "--network", "none", e2etest.Image, "sleep", "300")
	term := e2etest.StartTerminalSize(t, 33, 111, nil, "", "exec", "-it", name, "sh")
	term.Expect(`# `)
	term.Send("stty size; exit 7\r")
	term.Expect(`33 111\r\n`)
	if code := term.Wait(30 * time.Second); code != 7 {
		t.Fatalf("exec -it: exit %d, want 7", code)
	}
	if !term.Restored() {
		t.Error("terminal settings not restored")
	}
}

// Ctrl-C without -t is a SIGINT to docker, which forwards it to the container.
func TestInteractiveCtrlCStopsNonTTYRun(t *testing.T) {
	name := e2etest.ContainerName(t, "hx-sigint")
	term := e2etest.StartTerminal(t, nil, "", "run", "--rm", "--init", "--name", name, "--network", "none",
		e2etest.Image, "sh", "-c", "echo ready; exec sleep 100")
	term.Expect(`ready`)
	term.Send("\x03")
	if code := term.Wait(30 * time.Second); code != 130 {
		t.Fatalf("exit %d, want 130 (the container's SIGINT death)", code)
	}
}

func TestInteractiveTTYOutputNotDemultiplexed(t *testing.T) {
	term := e2etest.StartTerminal(t, nil, "", "run", "--rm", "-t", "--network", "none", e2etest.Image,
		"sh", "-c", "echo to-out; echo to-err >&2; exit 2")
	term.Expect(`to-out\r+\n`) // the local terminal is not raw without -i: \n becomes \r\n again
	term.Expect(`to-err\r+\n`)
	if code := term.Wait(30 * time.Second); code != 2 {
		t.Fatalf("exit %d, want 2", code)
	}
	if out := term.Output(); strings.ContainsRune(out, '\x01') {
		t.Errorf("stdcopy headers leaked into TTY output: %q", out)
	}
}
