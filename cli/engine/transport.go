// What the HTTP layer will and will not do with a daemon's replies
// (redirects, header sizes, proxies), and how transport failures read.

package engine

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/url"
	"strings"
	"syscall"
)

// maxHeaderBytes bounds the header block of any reply.
const maxHeaderBytes = 1 << 20

// errRedirect is the reference's refusal of a redirect for anything but a GET.
var errRedirect = errors.New("unexpected redirect in response")

// checkRedirect never follows a redirect, so nothing (a body, X-Registry-Auth)
// is sent where the daemon points: a GET gets the redirect reply itself, as
// with the reference, any other method fails.
func checkRedirect(_ *http.Request, via []*http.Request) error {
	if via[0].Method == http.MethodGet {
		return http.ErrUseLastResponse
	}
	return errRedirect
}

// refuseRedirect is checkRedirect for a reply read off the transport: a
// redirect of anything but a GET fails as the transport's refusal reads.
func refuseRedirect(req *http.Request, resp *http.Response) error {
	switch resp.StatusCode {
	case http.StatusMovedPermanently, http.StatusFound, http.StatusSeeOther,
		http.StatusTemporaryRedirect, http.StatusPermanentRedirect:
	default:
		return nil
	}
	if checkRedirect(req, []*http.Request{req}) != errRedirect {
		return nil
	}
	// The transport names the first request's method and the Location as given.
	op := req.Method[:1] + strings.ToLower(req.Method[1:])
	return &url.Error{Op: op, URL: resp.Header.Get("Location"), Err: errRedirect}
}

// proxied reports whether requests to u go through an HTTP proxy.
func (c *Client) proxied(u *url.URL) bool {
	if c.proxy == nil {
		return false
	}
	p, err := c.proxy(&http.Request{URL: u})
	return err != nil || p != nil
}

// readResponse reads a reply's status and headers from a raw connection
// (hijack, streamed logs), with the header block bounded like the transport's.
func readResponse(conn io.Reader, req *http.Request, bufSize int) (*http.Response, *bufio.Reader, error) {
	lr := &headerLimit{r: conn, n: maxHeaderBytes}
	br := bufio.NewReaderSize(lr, bufSize)
	resp, err := http.ReadResponse(br, req)
	if err != nil {
		return nil, nil, err
	}
	lr.n = -1 // the body is not bounded here
	return resp, br, nil
}

// headerLimit fails reads past n bytes; n < 0 means no limit.
type headerLimit struct {
	r io.Reader
	n int64
}

func (l *headerLimit) Read(p []byte) (int, error) {
	if l.n < 0 {
		return l.r.Read(p)
	}
	if l.n == 0 {
		return 0, fmt.Errorf("net/http: server response headers exceeded %d bytes; aborted", maxHeaderBytes)
	}
	if int64(len(p)) > l.n {
		p = p[:l.n]
	}
	n, err := l.r.Read(p)
	l.n -= int64(n)
	return n, err
}

// connError turns a transport failure into the reference's messages.
func (c *Client) connError(err error) error {
	if errors.Is(err, context.Canceled) {
		return err
	}
	if s := err.Error(); strings.Contains(s, "remote error: tls: bad certificate") ||
		strings.Contains(s, "remote error: tls: certificate required") {
		return &TransportError{Msg: "the server probably has client authentication (--tlsverify) enabled; " +
			"check your TLS client certification settings: " + s, Err: err}
	}
	var opErr *net.OpError
	if errors.As(err, &opErr) && errors.Is(opErr.Err, fs.ErrPermission) {
		return &TransportError{Msg: fmt.Sprintf("permission denied while trying to connect to the Docker daemon socket at %s: %v",
			c.host, err), Err: err}
	}
	if noDaemon(err) {
		return &ConnectionError{Host: c.host, Err: err}
	}
	msg := "error during connect: " + err.Error()
	if c.tls == nil && strings.Contains(err.Error(), "malformed HTTP response") {
		msg += "\n* Are you trying to connect to a TLS-enabled daemon without TLS?"
	}
	return &TransportError{Msg: msg, Err: err}
}

// noDaemon reports what the reference calls "Cannot connect": a socket
// that cannot be dialed, a refused connection, a timeout. Other failures (no
// such host, no route, a bad port, an ssh command that failed) are printed
// as they are.
func noDaemon(err error) bool {
	for e := err; e != nil; e = errors.Unwrap(e) {
		if op, ok := e.(*net.OpError); ok && op.Op == "dial" && (op.Net == "unix" || errors.Is(op.Err, syscall.ECONNREFUSED)) {
			return true
		}
	}
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}
