package engine

import (
	"context"
	"io"
	"net"
	"net/http"
	"net/url"
	"time"
)

// streamBufSize is the read buffer of a streamed reply: the most one read of
// the socket can take at once.
const streamBufSize = 64 << 10

// streamGet is streamReply for a GET of path.
func (c *Client) streamGet(ctx context.Context, path string, q url.Values) (io.ReadCloser, error) {
	return c.streamReply(ctx, request{method: http.MethodGet, path: path, query: q})
}

// streamReply sends a request without a body whose reply is a long stream
// (logs, pull and push progress) on a connection of its own and returns the
// reply's body; closing it closes the connection.
//
// Why not the shared http.Transport: the daemon writes a log as one small
// frame per line, and a socket in Go's network poller is read as soon as
// anything arrives, so a 50 MB log costs tens of thousands of park/unpark
// cycles of the reader and the runtime's threads: most of the CPU of the
// command, in the kernel. Off the poller the socket can be read with blocking
// reads that are paced (see pacedSocket) so each wakeup takes tens of KiB.
// TLS and HTTP proxies keep the shared transport.
func (c *Client) streamReply(ctx context.Context, r request) (io.ReadCloser, error) {
	req, ok, err := c.rawRequest(ctx, r)
	if !ok {
		resp, err := c.do(ctx, r)
		if err != nil {
			return nil, err
		}
		return resp.Body, nil
	}
	if err != nil {
		return nil, err
	}
	conn, err := c.DialRaw(ctx)
	if err != nil {
		return nil, err
	}
	s := detachStream(conn)
	if s == nil {
		s = connStream{conn}
	}
	stop := context.AfterFunc(ctx, s.abort)
	fail := func(err error) (io.ReadCloser, error) {
		stop()
		s.Close()
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, err
	}
	if err := req.Write(s); err != nil {
		return fail(c.connError(err))
	}
	resp, answer, err := c.readRawReply(s, req)
	if err != nil {
		return fail(c.connError(err))
	}
	if answer != nil {
		return fail(answer)
	}
	return &streamBody{body: resp.Body, s: s, stop: stop}, nil
}

// rawRequest is r as the transport would send it, for a connection the
// client writes and reads itself (streamed replies, uploads). ok is false
// when requests must go through the transport: TLS, an HTTP proxy.
func (c *Client) rawRequest(ctx context.Context, r request) (req *http.Request, ok bool, err error) {
	if c.tls != nil || c.proxied(c.url(r.path, r.query, true)) {
		return nil, false, nil
	}
	c.negotiate(ctx)
	req, err = c.newRequest(ctx, r.method, c.url(r.path, r.query, true), nil)
	if err != nil {
		return nil, true, err
	}
	c.decorate(req, r)
	// The daemon closes after the reply: the connection is never reused, and
	// a reader waiting for more (SetReadDelay) sees the end at once.
	req.Close = true
	return req, true, nil
}

// readRawReply reads the head of the reply to req from conn, judged as the
// transport's path judges it: answer is the daemon's error (readAPIError)
// or a redirect refused as checkRedirect refuses it; err a reply that could
// not be read.
func (c *Client) readRawReply(conn io.Reader, req *http.Request) (resp *http.Response, answer, err error) {
	resp, _, err = readResponse(conn, req, streamBufSize)
	if err != nil {
		return nil, nil, err
	}
	if resp.StatusCode >= 400 {
		return nil, readAPIError(resp, req.URL, c.ClientVersion()), nil
	}
	if err := refuseRedirect(req, resp); err != nil {
		return nil, c.connError(err), nil
	}
	return resp, nil, nil
}

// streamConn is the connection of a streamed reply.
type streamConn interface {
	io.ReadWriteCloser
	// abort makes a blocked Read return (on cancellation); safe at any time.
	abort()
	// setReadDelay makes a read that follows one that got data wait up to d
	// for more to queue.
	setReadDelay(d time.Duration)
}

// connStream is a connection that stays in the poller (ssh, other platforms).
type connStream struct{ net.Conn }

func (c connStream) abort() { c.Conn.Close() }

func (connStream) setReadDelay(time.Duration) {} // the poller wakes the reader anyway

// streamBody is the body of a streamed reply.
type streamBody struct {
	body io.Reader
	s    streamConn
	stop func() bool
}

func (b *streamBody) Read(p []byte) (int, error) { return b.body.Read(p) }

// SetReadDelay tells the stream that its reader is not watched live (output
// to a file or pipe): a read that follows one that got data then waits up
// to d and takes everything queued by then, so a slow stream of small messages
// (pull progress) wakes the process a few times a second instead of once
// per message. The end of the reply is taken at once.
func (b *streamBody) SetReadDelay(d time.Duration) { b.s.setReadDelay(d) }

// Close closes the connection without draining the body (a followed log never
// ends); the http body's own Close would read it to the end.
func (b *streamBody) Close() error {
	b.stop()
	return b.s.Close()
}

// Pacing of a busy stream: wait until about pacedTarget bytes are queued
// before taking them, which keeps well under what the daemon's socket can hold
// (its send buffer is charged a few hundred bytes per small write, so it
// blocks at tens of KiB of log lines) and so never makes the daemon wait.
const (
	pacedAfter    = 1 << 20 // bytes read before pacing: small replies and quiet followers are never delayed
	pacedTarget   = 16 << 10
	pacedMaxPause = 500 * time.Microsecond // bound when the rate is low: a follower sees lines at once
	pacedMinPause = 50 * time.Microsecond  // below this a pause costs more than it saves
)

// pacer chooses how long a read waits, after its first bytes, for more to
// queue, from the rate at which the previous reads found data.
type pacer struct {
	total   int64
	lastEnd time.Time // when the previous read returned
	rate    float64   // bytes per second over the previous read
}

// pause returns how long the next read waits after its first bytes; 0: none.
func (p *pacer) pause() time.Duration {
	if p.total < pacedAfter || p.rate <= 0 {
		return 0
	}
	d := time.Duration(float64(pacedTarget) / p.rate * float64(time.Second))
	if d < pacedMinPause {
		return 0
	}
	return min(d, pacedMaxPause)
}

// done records that a read returned n bytes at now.
func (p *pacer) done(n int, now time.Time) {
	p.total += int64(n)
	if !p.lastEnd.IsZero() {
		if dt := now.Sub(p.lastEnd); dt > 0 {
			p.rate = float64(n) / dt.Seconds()
		}
	}
	p.lastEnd = now
}
