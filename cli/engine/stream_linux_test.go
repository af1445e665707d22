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

// With a read delay, messages written while the reader waits come in one
// read, and the peer's hangup ends the wait at once.
func TestPacedSocketReadDelay(t *testing.T) {
	s, peer := socketPair(t)
	const delay = 10 * time.Second // far longer than the test: only a hangup can end it
	s.setReadDelay(delay)
	buf := make([]byte, 1024)
	peer.Write([]byte("one\n"))
	if n, err := s.Read(buf); string(buf[:n]) != "one\n" || err != nil {
		t.Fatalf("first read = %q, %v", buf[:n], err)
	}
	// The next read waits; what comes meanwhile is taken together.
	go func() {
		for _, m := range []string{"two\n", "three\n", "four\n"} {
			time.Sleep(20 * time.Millisecond)
			peer.Write([]byte(m))
		}
		peer.Close()
	}()
	start := time.Now()
	var reads []string
	for {
		n, err := s.Read(buf)
		if n > 0 {
			reads = append(reads, string(buf[:n]))
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(reads) != 1 || reads[0] != "two\nthree\nfour\n" {
		t.Fatalf("reads after the first = %q, want the rest in one", reads)
	}
	if waited := time.Since(start); waited >= delay {
		t.Fatalf("the hangup did not end the wait (%v)", waited)
	}
}
