package engine

import (
	"net"
	"syscall"
	"time"
	"unsafe"
)

// detachStream takes a unix or TCP connection out of Go's network poller: its
// descriptor is duplicated in blocking mode and the net.Conn closed, which
// removes the original from epoll. A socket still registered there wakes a
// thread sleeping in epoll_wait for every write of the daemon, even while
// nobody reads. It returns nil (conn untouched) for any other connection.
func detachStream(conn net.Conn) streamConn {
	s := takeSocket(conn)
	if s == nil {
		return nil
	}
	return &pacedSocket{blockingSocket: s}
}

// pacedSocket reads a blocking socket. Once a stream is busy, a read that got
// its first bytes sleeps briefly (see pacer) and then takes, without
// blocking, everything queued meanwhile: one wakeup per tens of KiB instead of
// one per few lines.
type pacedSocket struct {
	*blockingSocket
	p pacer
	// delay, when set, is how long a read waits for more to queue after a
	// read that got data, whatever the rate: for a reader nobody watches live.
	delay   time.Duration
	flowing bool // the previous read got data
}

func (s *pacedSocket) Read(b []byte) (int, error) {
	if s.delay > 0 && s.flowing {
		// Let the messages that follow queue up, then take them at once.
		s.awaitHangup(s.delay)
	}
	n, err := s.f.Read(b) // blocks until anything is queued
	s.flowing = n > 0
	if n > 0 && n < len(b) && s.delay == 0 {
		if d := s.p.pause(); d > 0 {
			sleep(d)
			n += s.readQueued(b[n:])
		}
	}
	s.p.done(n, time.Now())
	return n, err
}

// readQueued reads what is already queued, without waiting.
func (s *pacedSocket) readQueued(b []byte) int {
	var n int
	if len(b) == 0 {
		return 0
	}
	_ = s.rc.Control(func(fd uintptr) {
		r, _, e := syscall.Syscall6(syscall.SYS_RECVFROM, fd, uintptr(unsafe.Pointer(&b[0])), uintptr(len(b)),
			syscall.MSG_DONTWAIT, 0, 0)
		if e == 0 {
			n = int(r)
		}
	})
	return n
}

func (s *pacedSocket) setReadDelay(d time.Duration) { s.delay = d }

// awaitHangup waits up to d, or until the daemon closes its end (the reply
// is complete: its last bytes are taken at once).
func (s *pacedSocket) awaitHangup(d time.Duration) {
	_ = s.rc.Control(func(fd uintptr) {
		pfd := pollFd{fd: int32(fd), events: pollRDHUP}
		ts := syscall.NsecToTimespec(d.Nanoseconds())
		// Interrupted by a signal: a shorter wait is fine.
		_, _, _ = syscall.Syscall6(syscall.SYS_PPOLL, uintptr(unsafe.Pointer(&pfd)), 1, uintptr(unsafe.Pointer(&ts)), 0, 0, 0)
	})
}

// pollFd is struct pollfd of poll(2); pollRDHUP its peer-closed event.
type pollFd struct {
	fd      int32
	events  int16
	revents int16
}

const pollRDHUP = 0x2000

// sleep pauses the calling thread for d. time.Sleep would do, but the runtime
// rounds a sub-millisecond wait in its poller up to a millisecond.
func sleep(d time.Duration) {
	ts := syscall.NsecToTimespec(d.Nanoseconds())
	_ = syscall.Nanosleep(&ts, nil) // interrupted early by a signal: a shorter pause is fine
}
