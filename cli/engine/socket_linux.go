package engine

import (
	"net"
	"os"
	"syscall"
)

// blockingSocket duplicates the descriptor of a unix or TCP connection in
// blocking mode and closes conn, which takes it out of Go's network poller
// (shared by streamed replies and uploads); nil (and conn untouched) for
// any other connection.
func blockingSocket(conn net.Conn) (*os.File, syscall.RawConn) {
	switch conn.(type) {
	case *net.UnixConn, *net.TCPConn:
	default:
		return nil, nil
	}
	raw, err := conn.(syscall.Conn).SyscallConn()
	if err != nil {
		return nil, nil
	}
	nfd := -1
	err = raw.Control(func(fd uintptr) {
		r, _, e := syscall.Syscall(syscall.SYS_FCNTL, fd, syscall.F_DUPFD_CLOEXEC, 0)
		if e == 0 {
			nfd = int(r)
		}
	})
	if err != nil || nfd < 0 {
		return nil, nil
	}
	if err := syscall.SetNonblock(nfd, false); err != nil {
		syscall.Close(nfd)
		return nil, nil
	}
	conn.Close()
	f := os.NewFile(uintptr(nfd), "engine-socket") // blocking: stays out of the poller
	rc, err := f.SyscallConn()
	if err != nil {
		f.Close()
		return nil, nil
	}
	return f, rc
}
