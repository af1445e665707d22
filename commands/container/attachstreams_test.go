package container

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
)

// fakeDaemon gives a hijacked connection whose far end is handled by serve.
func fakeDaemon(t *testing.T, serve func(conn *net.UnixConn)) *engine.Hijacked {
	t.Helper()
	path := filepath.Join(t.TempDir(), "d.sock")
	ln, err := net.ListenUnix("unix", &net.UnixAddr{Name: path, Net: "unix"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		conn, err := ln.AcceptUnix()
		if err != nil {
			return
		}
		serve(conn)
	}()
	conn, err := net.Dial("unix", path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return &engine.Hijacked{Conn: conn, Reader: bufio.NewReader(conn)}
}

func frame(stream byte, payload string) []byte {
	h := make([]byte, 8, 8+len(payload))
	h[0] = stream
	binary.BigEndian.PutUint32(h[4:], uint32(len(payload)))
	return append(h, payload...)
}

// flushRecorder records writes and whether Flush was called after them.
type flushRecorder struct {
	bytes.Buffer
	flushed int
}

func (f *flushRecorder) Flush() error { f.flushed = f.Len(); return nil }

func TestPipeStreamsDemultiplexes(t *testing.T) {
	h := fakeDaemon(t, func(c *net.UnixConn) {
		c.Write(frame(1, "out1\n"))
		c.Write(frame(2, "err1\n"))
		c.Write(frame(1, "out2\n"))
		c.Close()
	})
	var out, errw flushRecorder
	if err := pipeStreams(context.Background(), h, ioStreams{Out: &out, Err: &errw}); err != nil {
		t.Fatal(err)
	}
	if out.String() != "out1\nout2\n" || errw.String() != "err1\n" {
		t.Errorf("stdout %q stderr %q", out.String(), errw.String())
	}
	if out.flushed != out.Len() || errw.flushed != errw.Len() {
		t.Errorf("output left unflushed: stdout %d/%d stderr %d/%d", out.flushed, out.Len(), errw.flushed, errw.Len())
	}
}

func TestPipeStreamsHalfClosesInput(t *testing.T) {
	// The daemon side echoes what it receives once stdin ends: without the
	// half-close it would wait forever.
	h := fakeDaemon(t, func(c *net.UnixConn) {
		in, _ := io.ReadAll(c)
		c.Write(frame(1, string(in)))
		c.Close()
	})
	var out bytes.Buffer
	done := make(chan error, 1)
	go func() {
		done <- pipeStreams(context.Background(), h, ioStreams{In: strings.NewReader("hello\n"), Out: &out})
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("stream did not end after input EOF")
	}
	if out.String() != "hello\n" {
		t.Errorf("got %q", out.String())
	}
}

// TestPipeStreamsHalfClosesWithoutInput: with no stdin attached the write
// side is closed at once, as the reference does; engines below API 1.30 keep
// the stream of an exited container open otherwise.
func TestPipeStreamsHalfClosesWithoutInput(t *testing.T) {
	h := fakeDaemon(t, func(c *net.UnixConn) {
		_, _ = io.ReadAll(c) // returns on the client's half-close only
		c.Write(frame(1, "after EOF\n"))
		c.Close()
	})
	var out bytes.Buffer
	done := make(chan error, 1)
	go func() { done <- pipeStreams(context.Background(), h, ioStreams{Out: &out}) }()
	select {
	case err := <-done:
		if err != nil || out.String() != "after EOF\n" {
			t.Fatalf("err %v, out %q", err, out.String())
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no half-close without input")
	}
}

func TestPipeStreamsTTYIsRawAndDetaches(t *testing.T) {
	got := make(chan string, 1)
	h := fakeDaemon(t, func(c *net.UnixConn) {
		buf := make([]byte, 64)
		n, _ := c.Read(buf)
		got <- string(buf[:n])
		// Keep the connection open: only the detach may end the stream.
		time.Sleep(5 * time.Second)
	})
	var out bytes.Buffer
	err := pipeStreams(context.Background(), h, ioStreams{
		In: strings.NewReader("ab\x10\x11cd"), Out: &out, TTY: true, Keys: []byte{16, 17},
	})
	if !isDetached(err) {
		t.Fatalf("err = %v, want the detach error", err)
	}
	if sent := <-got; sent != "ab" {
		t.Errorf("daemon received %q, want the input before the detach keys only", sent)
	}
}

func TestPipeStreamsTTYOutputVerbatim(t *testing.T) {
	payload := "\x01\x00\x00\x00\x00\x00\x00\x02hi\r\n"
	h := fakeDaemon(t, func(c *net.UnixConn) {
		c.Write([]byte(payload))
		c.Close()
	})
	var out bytes.Buffer
	if err := pipeStreams(context.Background(), h, ioStreams{Out: &out, TTY: true}); err != nil {
		t.Fatal(err)
	}
	if out.String() != payload {
		t.Errorf("got %q, want %q", out.String(), payload)
	}
}

func TestPipeStreamsStopsOnCancel(t *testing.T) {
	h := fakeDaemon(t, func(c *net.UnixConn) { time.Sleep(5 * time.Second) })
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	err := pipeStreams(ctx, h, ioStreams{Out: io.Discard})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}

func TestPipeStreamsSystemError(t *testing.T) {
	h := fakeDaemon(t, func(c *net.UnixConn) {
		c.Write(frame(3, "boom"))
		c.Close()
	})
	err := pipeStreams(context.Background(), h, ioStreams{Out: io.Discard, Err: io.Discard})
	if err == nil || err.Error() != "error from daemon in stream: boom" {
		t.Fatalf("err = %v", err)
	}
}

func TestDetachKeys(t *testing.T) {
	tests := []struct {
		name, config, flag string
		wantSpec           string
		wantKeys           []byte
	}{
		{"default", "", "", "", []byte{16, 17}},
		{"from config", `{"detachKeys":"ctrl-x,y"}`, "", "ctrl-x,y", []byte{24, 'y'}},
		{"flag wins", `{"detachKeys":"ctrl-x"}`, "ctrl-a,ctrl-b", "ctrl-a,ctrl-b", []byte{1, 2}},
		{"invalid keys go to the daemon, default locally", "", "ctrl-foo", "ctrl-foo", []byte{16, 17}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if tc.config != "" {
				if err := os.WriteFile(filepath.Join(dir, "config.json"), []byte(tc.config), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			c := cli.New(cli.Streams{In: cli.NewIn(strings.NewReader("")), Out: cli.NewOut(io.Discard), Err: cli.NewOut(io.Discard)})
			c.Opts.ConfigDir = dir
			spec, keys := detachKeys(c, tc.flag)
			if spec != tc.wantSpec || !bytes.Equal(keys, tc.wantKeys) {
				t.Errorf("got %q %v, want %q %v", spec, keys, tc.wantSpec, tc.wantKeys)
			}
		})
	}
}

func TestSignalName(t *testing.T) {
	for sig, want := range map[syscall.Signal]string{
		syscall.SIGINT: "INT", syscall.SIGTERM: "TERM", syscall.SIGWINCH: "WINCH", 34: "RTMIN", 37: "RTMIN+3", 64: "RTMAX",
	} {
		if got := signalName(sig); got != want {
			t.Errorf("signalName(%d) = %q, want %q", sig, got, want)
		}
	}
}

func TestCheckTTY(t *testing.T) {
	c := cli.New(cli.Streams{In: cli.NewIn(strings.NewReader("")), Out: cli.NewOut(io.Discard), Err: cli.NewOut(io.Discard)})
	if err := checkTTY(c, true, true); err == nil || err.Error() != "the input device is not a TTY" {
		t.Errorf("-it on a pipe: %v", err)
	}
	if err := checkTTY(c, false, true); err != nil {
		t.Errorf("-t alone on a pipe: %v", err)
	}
}
