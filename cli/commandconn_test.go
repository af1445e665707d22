package cli

import (
	"io"
	"strings"
	"testing"
	"time"
)

func TestCommandConnRoundTrip(t *testing.T) {
	// cat echoes what we write; closing its stdin (half-close) ends it.
	conn, err := DialCommand("cat")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := io.WriteString(conn, "ping\n"); err != nil {
		t.Fatal(err)
	}
	if err := conn.(interface{ CloseWrite() error }).CloseWrite(); err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(conn)
	if err != nil || string(b) != "ping\n" {
		t.Fatalf("read %q, %v", b, err)
	}
}

func TestCommandConnReportsExitAndStderr(t *testing.T) {
	conn, err := DialCommand("sh", "-c", "echo 'no route' >&2; exit 255")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	_, err = io.ReadAll(conn)
	want := `command [sh -c echo 'no route' >&2; exit 255] has exited with exit status 255, make sure the URL is valid, and Docker 18.09 or later is installed on the remote host: stderr=no route` + "\n"
	if err == nil || err.Error() != want {
		t.Fatalf("error = %v\nwant    %s", err, want)
	}
}

func TestCommandConnWriteAfterExit(t *testing.T) {
	conn, err := DialCommand("sh", "-c", "exec 0<&-; echo gone >&2; exit 3")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	time.Sleep(100 * time.Millisecond)
	var werr error
	for i := 0; i < 50 && werr == nil; i++ {
		_, werr = conn.Write([]byte(strings.Repeat("x", 4096)))
	}
	if werr == nil || !strings.Contains(werr.Error(), "exit status 3") || !strings.Contains(werr.Error(), "stderr=gone") {
		t.Fatalf("write error = %v", werr)
	}
}

func TestCommandConnCloseKillsLingeringChild(t *testing.T) {
	conn, err := DialCommand("sh", "-c", "trap '' HUP; sleep 30")
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	conn.Close()
	if d := time.Since(start); d > 5*time.Second {
		t.Fatalf("Close took %s", d)
	}
}
