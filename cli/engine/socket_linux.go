package engine

import (
	"net"
	"os"
	"syscall"
)

// blockingSocket is a connection's descriptor in blocking mode, out of Go's
// network poller: the base of streamed replies and of uploads.
type blockingSocket struct {
	f  *os.File
	rc syscall.RawConn
}

func (s *blockingSocket) Read(b []byte) (int, error)  { return s.f.Read(b) }
func (s *blockingSocket) Write(b []byte) (int, error) { return s.f.Write(b) }
func (s *blockingSocket) Close() error                { return s.f.Close() }

// abort shuts the socket down, which wakes a blocked read (with end of file)
// or write; closing would wait for them to return.
func (s *blockingSocket) abort() {
	_ = s.rc.Control(func(fd uintptr) {
		_ = syscall.Shutdown(int(fd), syscall.SHUT_RDWR)
	})
}

// takeSocket duplicates the descriptor of a unix or TCP connection in
// blocking mode and closes conn, which takes it out of Go's network poller;
// nil (and conn untouched) for any other connection.
func takeSocket(conn net.Conn) *blockingSocket {
	switch conn.(type) {
	case *net.UnixConn, *net.TCPConn:
	default:
		return nil
	}
	raw, err := conn.(syscall.Conn).SyscallConn()
	if err != nil {
		return nil
	}
	nfd := -1
	err = raw.Control(func(fd uintptr) {
		r, _, e := syscall.Syscall(syscall.SYS_FCNTL, fd, syscall.F_DUPFD_CLOEXEC, 0)
		if e == 0 {
			nfd = int(r)
		}
	})
	if err != nil || nfd < 0 {
		return nil
	}
	if err := syscall.SetNonblock(nfd, false); err != nil {
		syscall.Close(nfd)
		return nil
	}
	conn.Close()
	f := os.NewFile(uintptr(nfd), "engine-socket") // blocking: stays out of the poller
	rc, err := f.SyscallConn()
	if err != nil {
		f.Close()
		return nil
	}
	return &blockingSocket{f: f, rc: rc}
}
