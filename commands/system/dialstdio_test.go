package system

import (
	"bytes"
	"context"
	"io"
	"net"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dockerclone/docker/cli"
)

// TestDialStdioRelaysWithHalfClose runs dial-stdio against a unix socket
// server that answers only after reading to EOF: the reply can only arrive
// if the end of stdin half-closes the connection without tearing it down.
func TestDialStdioRelaysWithHalfClose(t *testing.T) {
	sock := filepath.Join(t.TempDir(), "e.sock")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	go func() {
		conn, err := l.Accept()
		if err != nil {
			return
		}
		defer conn.Close()
		b, _ := io.ReadAll(conn)
		conn.Write([]byte("got:" + string(b)))
	}()

	var out bytes.Buffer
	c := cli.New(cli.Streams{In: cli.NewIn(strings.NewReader("hello")), Out: cli.NewOut(&out), Err: cli.NewOut(io.Discard)})
	c.Opts.Hosts = []string{"unix://" + sock}
	t.Setenv("DOCKER_CONFIG", t.TempDir())
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := runDialStdio(ctx, c); err != nil {
		t.Fatal(err)
	}
	if out.String() != "got:hello" {
		t.Errorf("relayed %q", out.String())
	}
}

func TestDialStdioUnreachable(t *testing.T) {
	c := cli.New(cli.Streams{In: cli.NewIn(strings.NewReader("")), Out: cli.NewOut(io.Discard), Err: cli.NewOut(io.Discard)})
	c.Opts.Hosts = []string{"unix:///nonexistent/e.sock"}
	t.Setenv("DOCKER_CONFIG", t.TempDir())
	err := runDialStdio(context.Background(), c)
	want := "failed to open the raw stream connection: dial unix /nonexistent/e.sock: connect: no such file or directory"
	if err == nil || err.Error() != want {
		t.Errorf("error = %v, want %q", err, want)
	}
}
