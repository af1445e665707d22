package engine

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"
)

// FileWriter is where an Upload writes its stream: bytes, and files whose
// content the kernel hands to the socket without the process reading it.
// Once the connection has failed, every Write (even of nothing) and
// WriteFile returns io.ErrClosedPipe, as a request body's pipe does when
// the transport stops reading it.
type FileWriter interface {
	io.Writer
	// WriteFile sends the next size bytes of f (from its offset) and returns
	// how many it had; fewer, without error, when f ends sooner.
	WriteFile(f *os.File, size int64) (int64, error)
}

// Upload is a request body that can also write itself to a FileWriter.
// It is read as an io.Reader when the connection cannot be written to
// directly (TLS, proxies, ssh, other platforms). Once its stream is written
// (or has failed) it is closed if it is an io.Closer, as an HTTP
// transport closes a request body.
type Upload interface {
	io.Reader
	WriteUpload(w FileWriter) error
}

// uploadConn is a connection owned by an upload: a blocking socket that
// one goroutine writes while another reads the reply.
type uploadConn interface {
	io.ReadWriteCloser
	// sendFile writes n bytes of f; fewer, without error, if f ends first.
	// A failure of the socket (rather than of f) is reported as errConnBroken.
	sendFile(f *os.File, n int64) (int64, error)
	// abort shuts the socket down: blocked reads and writes return.
	abort()
}

// errConnBroken wraps what the socket failed with while writing.
type errConnBroken struct{ err error }

func (e errConnBroken) Error() string { return e.err.Error() }
func (e errConnBroken) Unwrap() error { return e.err }

// upload sends r with its body written by up straight to the socket: the
// request as the transport would send it (chunked), the files in it by
// sendfile(2). The reply is read while the body is still being written, as
// the daemon may answer early. ok is false when the connection cannot be
// owned; the caller then sends r as usual.
func (c *Client) upload(ctx context.Context, r request, up Upload) (body io.ReadCloser, ok bool, err error) {
	if !c.ownsConnections() {
		return nil, false, nil
	}
	req, ok, err := c.rawRequest(ctx, r)
	if !ok || err != nil {
		return nil, ok, err
	}
	conn, err := c.DialRaw(ctx)
	if err != nil {
		return nil, true, err
	}
	s := ownConn(conn)
	if s == nil {
		conn.Close()
		return nil, false, nil
	}
	w := &chunkWriter{conn: s, out: requestHead(req)}
	us := &uploadStream{uploadConn: s, written: make(chan struct{})}
	go func() {
		defer close(us.written)
		err := up.WriteUpload(w)
		if err == nil {
			err = w.finish()
		}
		if cl, ok := up.(io.Closer); ok {
			cl.Close()
		}
		if err != nil && w.err == nil {
			// The body failed, not the socket: the request is cut off and
			// its error is the call's, as with the transport.
			us.bodyErr = err
			s.abort()
		}
	}()
	stop := context.AfterFunc(ctx, s.abort)
	resp, answer, err := c.readRawReply(us, req)
	if answer != nil || err != nil {
		stop()
		us.Close() // the upload stops (and its archiver says so) before the error is shown
		if answer != nil {
			return nil, true, answer
		}
		if us.bodyErr != nil {
			err = us.bodyErr
		}
		if ctx.Err() != nil {
			err = ctx.Err()
		}
		return nil, true, c.connError(&url.Error{Op: "Post", URL: req.URL.String(), Err: err})
	}
	return &streamBody{body: resp.Body, s: us, stop: stop}, true, nil
}

// ownsConnections reports whether connections are plain sockets the client
// dials itself (unix, tcp), which an upload can take over.
func (c *Client) ownsConnections() bool {
	return strings.HasPrefix(c.host, "unix://") || strings.HasPrefix(c.host, "tcp://")
}

// uploadStream is the connection of an upload: closing it stops the upload
// and waits for its writer before the socket is closed.
type uploadStream struct {
	uploadConn
	written chan struct{}
	bodyErr error // set before written is closed
}

// setReadDelay: the build's output is read as it comes.
func (*uploadStream) setReadDelay(time.Duration) {}

func (s *uploadStream) Close() error {
	s.abort()
	<-s.written
	return s.uploadConn.Close()
}

// requestHead is the request line and headers as net/http writes them for
// a body of unknown length.
func requestHead(req *http.Request) []byte {
	var b bytes.Buffer
	b.WriteString(req.Method + " " + req.URL.RequestURI() + " HTTP/1.1\r\nHost: " + req.Host + "\r\n")
	ua := "Go-http-client/1.1"
	if _, ok := req.Header["User-Agent"]; ok {
		ua = req.Header.Get("User-Agent")
	}
	if ua != "" {
		b.WriteString("User-Agent: " + ua + "\r\n")
	}
	if req.Close {
		b.WriteString("Connection: close\r\n")
	}
	b.WriteString("Transfer-Encoding: chunked\r\n")
	h := req.Header.Clone()
	for _, k := range []string{"Host", "User-Agent", "Content-Length", "Transfer-Encoding", "Trailer"} {
		delete(h, k)
	}
	_ = h.Write(&b)
	b.WriteString("\r\n")
	return b.Bytes()
}

const (
	chunkMax  = 64 << 10 // bytes collected before they are sent as a chunk
	smallFile = 16 << 10 // files up to this size are read, not sendfile'd
)

// chunkWriter writes an HTTP/1.1 chunked body: small writes collected into
// chunks, each file a chunk of its own sent by the kernel. Once the socket
// has failed every write fails with io.ErrClosedPipe, which is what an
// archiver writing into a request body's pipe sees when the transport stops.
type chunkWriter struct {
	conn uploadConn
	out  []byte // framed bytes waiting for the socket (first: the head)
	data []byte // payload of the chunk being collected
	err  error  // the socket's failure
}

func (w *chunkWriter) Write(p []byte) (int, error) {
	if w.err != nil {
		return 0, io.ErrClosedPipe
	}
	if len(w.data)+len(p) > chunkMax {
		w.frame()
		if err := w.send(); err != nil {
			return 0, err
		}
	}
	w.data = append(w.data, p...)
	return len(p), nil
}

func (w *chunkWriter) WriteFile(f *os.File, size int64) (int64, error) {
	if w.err != nil {
		return 0, io.ErrClosedPipe
	}
	if size <= 0 {
		return 0, nil
	}
	if size <= smallFile {
		start := len(w.data)
		w.data = append(w.data, make([]byte, size)...)
		n, err := io.ReadFull(f, w.data[start:])
		w.data = w.data[:start+n]
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			err = nil
		}
		return int64(n), err
	}
	w.frame()
	w.out = strconv.AppendInt(w.out, size, 16)
	w.out = append(w.out, "\r\n"...)
	if err := w.send(); err != nil {
		return 0, err
	}
	n, err := w.conn.sendFile(f, size)
	var broken errConnBroken
	if errors.As(err, &broken) {
		return n, w.fail(broken.err)
	}
	if n < size {
		// f ended early or failed: the chunk announced is completed with
		// zeros so the request stays well-formed; the tar stream it carries
		// is broken anyway (its writer reports the short file).
		if perr := w.pad(size - n); perr != nil {
			return n, perr
		}
	}
	w.out = append(w.out, "\r\n"...)
	return n, err
}

// pad sends n zero bytes.
func (w *chunkWriter) pad(n int64) error {
	zeros := make([]byte, min(n, chunkMax))
	for n > 0 {
		k := min(n, int64(len(zeros)))
		if _, err := w.conn.Write(zeros[:k]); err != nil {
			return w.fail(err)
		}
		n -= k
	}
	return nil
}

// frame moves the collected payload into out as one chunk.
func (w *chunkWriter) frame() {
	if len(w.data) == 0 {
		return
	}
	w.out = strconv.AppendInt(w.out, int64(len(w.data)), 16)
	w.out = append(w.out, "\r\n"...)
	w.out = append(w.out, w.data...)
	w.out = append(w.out, "\r\n"...)
	w.data = w.data[:0]
}

func (w *chunkWriter) send() error {
	if len(w.out) == 0 {
		return nil
	}
	_, err := w.conn.Write(w.out)
	w.out = w.out[:0]
	if err != nil {
		return w.fail(err)
	}
	return nil
}

func (w *chunkWriter) fail(err error) error {
	w.err = err
	return io.ErrClosedPipe
}

// finish sends what is collected and the last chunk.
func (w *chunkWriter) finish() error {
	if w.err != nil {
		return io.ErrClosedPipe
	}
	w.frame()
	w.out = append(w.out, "0\r\n\r\n"...)
	return w.send()
}
