package engine

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// The multiplexed stream of a container without a TTY (logs, attach, exec) is a
// sequence of frames: an 8-byte header [stream, 0, 0, 0, size uint32 big-endian]
// followed by size bytes of payload.
const (
	stdcopyHeaderLen = 8
	stdcopyInSize    = 64 * 1024
	stdcopyOutSize   = 64 * 1024
	// A systemerr frame is an error message; cap what we keep of a hostile one.
	stdcopyMaxSysErr = 64 * 1024
)

// Stream numbers in a frame header.
const (
	StreamStdin     = 0
	StreamStdout    = 1
	StreamStderr    = 2
	StreamSystemErr = 3
)

// StdCopier demultiplexes a multiplexed stream into Out (stdin and stdout frames)
// and Err (stderr frames) in constant memory.
//
// Payloads are gathered in an internal buffer and written in large blocks: a
// frame is a few dozen bytes in a typical log, and one write per frame is what
// makes a naive copy slow. The relative order of stdout and stderr output is kept:
// the buffer is written out whenever the destination changes.
type StdCopier struct {
	Out, Err io.Writer
	// Live writes out everything decoded so far before each read of the source,
	// then calls Flush on Out and Err when they have one, so that a follower
	// (`logs -f`, attach, a terminal) sees each frame as soon as it arrives.
	// Without it output leaves in blocks of up to 64 KiB and at the end.
	Live bool
}

// StdCopy demultiplexes src into out and errw until src ends, in bulk mode (see
// StdCopier). It returns the number of payload bytes written. A systemerr frame
// ends the copy with `error from daemon in stream: <payload>`; an unknown stream
// number with `Unrecognized input header: N`. A stream that ends inside a header
// or a payload ends the copy without error, as the reference does.
func StdCopy(out, errw io.Writer, src io.Reader) (int64, error) {
	return StdCopier{Out: out, Err: errw}.Copy(src)
}

// Copy runs the demultiplexer over src; see StdCopy for the results.
func (c StdCopier) Copy(src io.Reader) (int64, error) {
	d := stdcopyState{
		src: src,
		in:  make([]byte, stdcopyInSize),
		ob:  make([]byte, 0, stdcopyOutSize),
		c:   c,
	}
	err := d.run()
	if ferr := d.flush(); err == nil {
		err = ferr
	}
	if err == nil && c.Live {
		err = d.flushWriters()
	}
	return d.written, err
}

type stdcopyState struct {
	c       StdCopier
	src     io.Reader
	in      []byte
	r, w    int // unread input is in[r:w]
	eof     bool
	ob      []byte    // pending output, all for obDst
	obDst   io.Writer // nil when ob is empty
	written int64
}

// fill reads more input, keeping the unread tail. It returns false once the
// source is exhausted; a read error other than EOF is returned.
func (d *stdcopyState) fill() (bool, error) {
	if d.eof {
		return false, nil
	}
	if d.c.Live {
		// The next read may block: hand over what we have first.
		if err := d.flush(); err != nil {
			return false, err
		}
		if err := d.flushWriters(); err != nil {
			return false, err
		}
	}
	if d.r > 0 {
		n := copy(d.in, d.in[d.r:d.w])
		d.r, d.w = 0, n
	}
	for {
		n, err := d.src.Read(d.in[d.w:])
		d.w += n
		if err != nil {
			d.eof = true
			if errors.Is(err, io.EOF) {
				return n > 0, nil
			}
			return n > 0, err
		}
		if n > 0 {
			return true, nil
		}
	}
}

func (d *stdcopyState) run() error {
	for {
		for d.w-d.r < stdcopyHeaderLen {
			ok, err := d.fill()
			if err != nil {
				return err
			}
			if !ok {
				return nil
			}
		}
		h := d.in[d.r : d.r+stdcopyHeaderLen]
		stream := h[0]
		size := int(binary.BigEndian.Uint32(h[4:8]))
		var dst io.Writer
		switch stream {
		case StreamStdin, StreamStdout:
			dst = d.c.Out
		case StreamStderr:
			dst = d.c.Err
		case StreamSystemErr:
			return d.systemErr(size)
		default:
			return fmt.Errorf("Unrecognized input header: %d", stream)
		}

		// Whole frame at hand or able to fit: wait for all of it, so a stream cut
		// inside a payload writes nothing of that frame (as the reference does).
		if stdcopyHeaderLen+size <= len(d.in) {
			for d.w-d.r < stdcopyHeaderLen+size {
				ok, err := d.fill()
				if err != nil {
					return err
				}
				if !ok {
					return nil
				}
			}
			p := d.in[d.r+stdcopyHeaderLen : d.r+stdcopyHeaderLen+size]
			d.r += stdcopyHeaderLen + size
			if err := d.emit(dst, p); err != nil {
				return err
			}
			continue
		}

		// A frame larger than the input buffer streams through in pieces.
		if done, err := d.pieces(size, func(p []byte) error { return d.emit(dst, p) }); !done {
			return err
		}
	}
}

// pieces passes the payload of size bytes after the header to f, in the
// pieces the buffer holds; done is false when f failed or the input ended
// first.
func (d *stdcopyState) pieces(size int, f func([]byte) error) (done bool, err error) {
	d.r += stdcopyHeaderLen
	for size > 0 {
		if d.r == d.w {
			if ok, err := d.fill(); err != nil || !ok {
				return false, err
			}
		}
		n := min(size, d.w-d.r)
		if err := f(d.in[d.r : d.r+n]); err != nil {
			return false, err
		}
		d.r += n
		size -= n
	}
	return true, nil
}

// systemErr reads a systemerr payload of size bytes and returns it as the error.
func (d *stdcopyState) systemErr(size int) error {
	msg := make([]byte, 0, min(size, stdcopyMaxSysErr))
	done, err := d.pieces(size, func(p []byte) error {
		if room := stdcopyMaxSysErr - len(msg); room > 0 {
			msg = append(msg, p[:min(len(p), room)]...)
		}
		return nil
	})
	if !done {
		return err
	}
	return fmt.Errorf("error from daemon in stream: %s", msg)
}

// emit queues p for dst, writing the queue out when dst changes or it is full.
func (d *stdcopyState) emit(dst io.Writer, p []byte) error {
	if len(p) == 0 {
		return nil
	}
	if dst != d.obDst || len(d.ob)+len(p) > cap(d.ob) {
		if err := d.flush(); err != nil {
			return err
		}
		d.obDst = dst
	}
	if len(p) >= cap(d.ob) {
		n, err := dst.Write(p)
		d.written += int64(n)
		if err == nil && n < len(p) {
			err = io.ErrShortWrite
		}
		return err
	}
	d.ob = append(d.ob, p...)
	return nil
}

// flush writes the queued output to its destination.
func (d *stdcopyState) flush() error {
	if len(d.ob) == 0 {
		return nil
	}
	n, err := d.obDst.Write(d.ob)
	d.written += int64(n)
	if err == nil && n < len(d.ob) {
		err = io.ErrShortWrite
	}
	d.ob = d.ob[:0]
	return err
}

type stdcopyFlusher interface{ Flush() error }

// flushWriters pushes through writers that buffer on their own (cli.Out).
func (d *stdcopyState) flushWriters() error {
	for _, w := range []io.Writer{d.c.Out, d.c.Err} {
		if f, ok := w.(stdcopyFlusher); ok {
			if err := f.Flush(); err != nil {
				return err
			}
		}
	}
	return nil
}
