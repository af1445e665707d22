package cli

import (
	"errors"
	"io"
)

// CopyFlushing copies r to o like io.Copy but flushes after every read: the
// reader at the other end waits for each piece (a followed log, a proxied
// connection), so nothing may sit in the buffer. The end of r is no error.
func (o *Out) CopyFlushing(r io.Reader) error {
	buf := make([]byte, 32*1024)
	for {
		n, err := r.Read(buf)
		if n > 0 {
			if _, werr := o.Write(buf[:n]); werr != nil {
				return werr
			}
			if ferr := o.Flush(); ferr != nil {
				return ferr
			}
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
	}
}
