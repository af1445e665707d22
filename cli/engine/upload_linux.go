package engine

import (
	"errors"
	"io"
	"io/fs"
	"net"
	"os"
	"syscall"
)

// ownConn takes a unix or TCP connection over for an upload (nil for any
// other): its descriptor, duplicated in blocking mode, is written and read
// outside Go's poller, so that sendfile(2) can block in the kernel until a
// whole file is queued instead of waking the process per socket buffer.
func ownConn(conn net.Conn) uploadConn {
	s := takeSocket(conn)
	if s == nil {
		return nil
	}
	return &uploadSocket{s}
}

// uploadSocket is a blocking socket that sends files.
type uploadSocket struct{ *blockingSocket }

// sendFile moves n bytes of f to the socket with sendfile(2), which only
// passes page references along: the data is never copied into the process.
func (s *uploadSocket) sendFile(f *os.File, n int64) (int64, error) {
	src, err := f.SyscallConn()
	if err != nil {
		return 0, err
	}
	var sent int64
	var serr error
	cerr := s.rc.Control(func(dst uintptr) {
		serr = src.Control(func(in uintptr) {
			for sent < n {
				k, err := syscall.Sendfile(int(dst), int(in), nil, int(min(n-sent, 1<<30)))
				if k > 0 {
					sent += int64(k)
				}
				switch {
				case err == syscall.EINTR || err == syscall.EAGAIN:
					continue
				case err != nil:
					serr = err
					return
				case k == 0: // f ended early
					return
				}
			}
		})
	})
	if cerr != nil {
		return sent, errConnBroken{cerr}
	}
	if serr == nil {
		return sent, nil
	}
	var errno syscall.Errno
	if !errors.As(serr, &errno) {
		return sent, serr // f's descriptor could not be used
	}
	switch errno {
	case syscall.EINVAL, syscall.ENOSYS, syscall.EOPNOTSUPP:
		// f cannot be sent by the kernel (some file systems): copy it.
		k, err := io.Copy(socketWriter{s.f}, io.LimitReader(f, n-sent))
		return sent + k, err
	case syscall.EPIPE, syscall.ECONNRESET, syscall.ENOTCONN, syscall.ESHUTDOWN, syscall.EBADF:
		return sent, errConnBroken{errno}
	}
	return sent, &fs.PathError{Op: "read", Path: f.Name(), Err: errno}
}

// socketWriter tells the socket's failures from those of the file copied.
type socketWriter struct{ w io.Writer }

func (s socketWriter) Write(p []byte) (int, error) {
	n, err := s.w.Write(p)
	if err != nil {
		err = errConnBroken{err}
	}
	return n, err
}
