package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"sync"
	"syscall"
	"time"
)

// commandConn is a net.Conn over a child process's stdin and stdout (the
// ssh transport). When the process dies the error says how, with its
// stderr, so "connection closed" becomes an actionable message.
type commandConn struct {
	cmd    *exec.Cmd
	argv   []string
	stdin  *os.File // our end: writes reach the child's stdin
	stdout *os.File // our end: reads come from the child's stdout
	stderr bytes.Buffer

	exited  chan struct{} // closed once the child is reaped
	waitErr error
	closed  sync.Once
}

// exitGrace is how long a read that hit EOF waits for the child to exit
// so that its status and stderr can be reported.
const exitGrace = 3 * time.Second

// DialCommand starts name with args and returns a connection over its stdio.
// The child runs in its own session (so it cannot prompt on our terminal)
// and is killed if we die.
func DialCommand(name string, args ...string) (net.Conn, error) {
	c := &commandConn{argv: append([]string{name}, args...)}
	c.cmd = exec.Command(name, args...)
	c.cmd.SysProcAttr = commandSysProcAttr()
	// A grandchild keeping stderr open must not keep us waiting forever.
	c.cmd.WaitDelay = time.Second
	inR, inW, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	outR, outW, err := os.Pipe()
	if err != nil {
		inR.Close()
		inW.Close()
		return nil, err
	}
	c.cmd.Stdin, c.cmd.Stdout, c.cmd.Stderr = inR, outW, &c.stderr
	err = c.cmd.Start()
	// The child holds its own copies now.
	inR.Close()
	outW.Close()
	if err != nil {
		inW.Close()
		outR.Close()
		return nil, err
	}
	c.stdin, c.stdout = inW, outR
	c.exited = make(chan struct{})
	go func() {
		c.waitErr = c.cmd.Wait()
		close(c.exited)
	}()
	return c, nil
}

// exitError explains a child that stopped talking; nil if it exited
// cleanly or is still running after exitGrace.
func (c *commandConn) exitError() error {
	select {
	case <-c.exited:
	case <-time.After(exitGrace):
		return nil
	}
	err := c.waitErr
	if err == nil {
		return nil
	}
	return fmt.Errorf("command %v has exited with %w, make sure the URL is valid, and Docker 18.09 or later is installed on the remote host: stderr=%s",
		c.argv, err, c.stderr.String())
}

func (c *commandConn) Read(p []byte) (int, error) {
	n, err := c.stdout.Read(p)
	if errors.Is(err, io.EOF) {
		if xerr := c.exitError(); xerr != nil {
			return n, xerr
		}
	}
	return n, err
}

func (c *commandConn) Write(p []byte) (int, error) {
	n, err := c.stdin.Write(p)
	if errors.Is(err, syscall.EPIPE) {
		if xerr := c.exitError(); xerr != nil {
			return n, xerr
		}
	}
	return n, err
}

// CloseWrite closes the child's stdin, the stream's half-close.
func (c *commandConn) CloseWrite() error { return c.stdin.Close() }

// Close ends the conversation: stdin is closed, and a child that does not
// leave by itself soon after is killed.
func (c *commandConn) Close() error {
	c.closed.Do(func() {
		c.stdin.Close()
		select {
		case <-c.exited:
		case <-time.After(time.Second):
			_ = c.cmd.Process.Kill()
			<-c.exited
		}
		c.stdout.Close()
	})
	return nil
}

func (c *commandConn) LocalAddr() net.Addr  { return commandAddr{} }
func (c *commandConn) RemoteAddr() net.Addr { return commandAddr{} }

func (c *commandConn) SetDeadline(t time.Time) error {
	return errors.Join(c.stdin.SetWriteDeadline(t), c.stdout.SetReadDeadline(t))
}
func (c *commandConn) SetReadDeadline(t time.Time) error  { return c.stdout.SetReadDeadline(t) }
func (c *commandConn) SetWriteDeadline(t time.Time) error { return c.stdin.SetWriteDeadline(t) }

type commandAddr struct{}

func (commandAddr) Network() string { return "command" }
func (commandAddr) String() string  { return "command" }
