package e2etest

import (
	"os"
	"os/exec"
	"testing"
)

// Process is a program a test started, its end watched in the background.
type Process struct {
	Cmd    *exec.Cmd
	Exited chan struct{} // closed once the program has ended
	Code   int           // its exit status, once Exited is closed
}

// Command is prog (the binary under test when "") with args, run with the
// test's DOCKER_CONFIG and env added last.
func Command(t testing.TB, env []string, prog string, args ...string) *exec.Cmd {
	t.Helper()
	if prog == "" {
		bin, err := Binary()
		if err != nil {
			t.Fatal(err)
		}
		prog = bin
	}
	cmd := exec.Command(prog, args...)
	cmd.Env = append(append(os.Environ(), "DOCKER_CONFIG="+ConfigDir(t)), env...)
	return cmd
}

// Start starts cmd and watches its end. When the test ends the program is
// killed if it still runs, then done runs (when not nil).
func Start(t testing.TB, cmd *exec.Cmd, done func()) *Process {
	t.Helper()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	p := &Process{Cmd: cmd, Exited: make(chan struct{})}
	go func() {
		_ = cmd.Wait()
		p.Code = cmd.ProcessState.ExitCode()
		close(p.Exited)
	}()
	t.Cleanup(func() {
		select {
		case <-p.Exited:
		default:
			_ = cmd.Process.Kill()
			<-p.Exited
		}
		if done != nil {
			done()
		}
	})
	return p
}
