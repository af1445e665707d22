package engine

import (
	"io"
	"net"
	"os"
	"syscall"
	"testing"
	"time"
)

// socketPair returns a detached pacedSocket and the peer's end.
func socketPair(t *testing.T) (*pacedSocket, *os.File) {
	t.Helper()
	fds, err := syscall.Socketpair(syscall.AF_UNIX, syscall.SOCK_STREAM|syscall.SOCK_CLOEXEC, 0)
	if err != nil {
		t.Fatal(err)
	}
	local := os.NewFile(uintptr(fds[0]), "local")
	conn, err := net.FileConn(local)
	local.Close()
	if err != nil {
		t.Fatal(err)
	}
	s, ok := detachStream(conn).(*pacedSocket)
	if !ok {
		t.Fatal("a unix connection was not detached")
	}
	peer := os.NewFile(uintptr(fds[1]), "peer")
	t.Cleanup(func() { s.Close(); peer.Close() })
	return s, peer
}

func TestPacedSocketReads(t *testing.T) {
	s, peer := socketPair(t)
	buf := make([]byte, 64)

	// Nothing queued: readQueued returns at once.
	if n := s.readQueued(buf); n != 0 {
		t.Fatalf("readQueued on an empty socket = %d", n)
	}
	peer.Write([]byte("abc"))
	peer.Write([]byte("def"))
	if n := s.readQueued(buf); string(buf[:n]) != "abcdef" {
		t.Fatalf("readQueued = %q", buf[:n])
	}

	// A paced read takes what arrives during its pause.
	s.p = pacer{total: pacedAfter, rate: 1} // slow stream: the longest pause
	go func() {
		peer.Write([]byte("first "))
		time.Sleep(pacedMaxPause / 10)
		peer.Write([]byte("second"))
	}()
	var got []byte
	for len(got) < len("first second") {
		n, err := s.Read(buf)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, buf[:n]...)
	}
	if string(got) != "first second" {
		t.Fatalf("paced reads = %q", got)
	}

	peer.Close()
	if n, err := s.Read(buf); n != 0 || err != io.EOF {
		t.Fatalf("read at end = %d, %v", n, err)
	}
}

func TestPacedSocketAbort(t *testing.T) {
	s, _ := socketPair(t)
	done := make(chan error, 1)
	go func() { _, err := s.Read(make([]byte, 8)); done <- err }()
	time.Sleep(20 * time.Millisecond)
	s.abort()
	select {
	case err := <-done:
		if err != io.EOF {
			t.Fatalf("read after abort: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("abort did not wake the blocked read")
	}
	s.abort() // again, and after Close: harmless
	s.Close()
	s.abort()
}
