// Package engine is the thin HTTP layer that speaks the Docker Engine API.
// It never prints: typed requests in, typed values or streams out.
package engine

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"path"
	"strings"
	"sync"
)

// DefaultVersion is the newest API version this client speaks.
const DefaultVersion = "1.50"

// Options configure a Client.
type Options struct {
	Host       string      // normalized host: unix:///path, tcp://h:p, ssh://...
	TLS        *tls.Config // nil for plain HTTP
	APIVersion string      // fixed version (DOCKER_API_VERSION); empty negotiates
	UserAgent  string
	Headers    map[string]string
	// Dial overrides how connections are made (ssh, tests).
	Dial func(ctx context.Context) (net.Conn, error)
}

// Client talks to one engine.
type Client struct {
	host      string
	scheme    string
	urlHost   string
	unix      bool
	basePath  string
	userAgent string
	headers   map[string]string
	dial      func(ctx context.Context) (net.Conn, error)
	tls       *tls.Config
	http      *http.Client
	// proxy picks the HTTP proxy of a tcp host from the environment
	// (HTTP_PROXY, HTTPS_PROXY, NO_PROXY); nil for local sockets and ssh.
	proxy func(*http.Request) (*url.URL, error)

	mu         sync.Mutex
	version    string
	fixed      bool
	negotiated bool
	ping       *Ping
}

// New builds a client; it does not connect.
func New(opts Options) (*Client, error) {
	c := &Client{host: opts.Host, userAgent: opts.UserAgent, headers: opts.Headers, tls: opts.TLS}
	if opts.APIVersion != "" {
		c.version = strings.TrimPrefix(opts.APIVersion, "v")
		c.fixed = true
	} else {
		c.version = DefaultVersion
	}
	proto, addr, ok := strings.Cut(opts.Host, "://")
	if !ok {
		return nil, fmt.Errorf("unable to parse docker host `%s`", opts.Host)
	}
	c.scheme = "http"
	if opts.TLS != nil {
		c.scheme = "https"
	}
	switch proto {
	case "unix":
		// The socket path stands in the URL (it shows in messages as
		// http://%2Fvar%2Frun%2Fdocker.sock/...); the Host header says
		// api.moby.localhost.
		c.urlHost = addr
		c.unix = true
		sock := addr
		c.dial = func(ctx context.Context) (net.Conn, error) {
			var d net.Dialer
			return d.DialContext(ctx, "unix", sock)
		}
	case "tcp":
		hostport := addr
		if i := strings.IndexByte(addr, '/'); i >= 0 {
			hostport, c.basePath = addr[:i], strings.TrimSuffix(addr[i:], "/")
		}
		c.urlHost = hostport
		c.dial = func(ctx context.Context) (net.Conn, error) {
			var d net.Dialer
			return d.DialContext(ctx, "tcp", hostport)
		}
		if opts.Dial == nil {
			c.proxy = http.ProxyFromEnvironment
		}
	case "ssh", "fd", "npipe":
		c.urlHost = "docker.example.com"
	default:
		return nil, fmt.Errorf("protocol not available")
	}
	if opts.Dial != nil {
		c.dial = opts.Dial
	}
	if c.dial == nil {
		return nil, fmt.Errorf("protocol not available")
	}
	tr := &http.Transport{
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			if c.proxy != nil {
				// The daemon's address, or the proxy's.
				var d net.Dialer
				return d.DialContext(ctx, network, addr)
			}
			return c.dial(ctx)
		},
		Proxy:                  c.proxy,
		TLSClientConfig:        opts.TLS,
		MaxIdleConns:           6,
		IdleConnTimeout:        30e9,
		DisableCompression:     true,
		MaxIdleConnsPerHost:    6,
		ReadBufferSize:         64 << 10, // streams (logs) read in large blocks
		MaxResponseHeaderBytes: maxHeaderBytes,
	}
	if opts.TLS != nil {
		tr.ForceAttemptHTTP2 = false
	}
	c.http = &http.Client{Transport: tr, CheckRedirect: checkRedirect}
	return c, nil
}

// Host is the endpoint as the user gave it (used in messages).
func (c *Client) Host() string { return c.host }

// request is one API call.
type request struct {
	method  string
	path    string // without the version prefix
	query   url.Values
	body    io.Reader
	json    any // encoded as the body when set
	headers http.Header
}

// APIVersion returns the version used for requests, negotiating first if needed.
func (c *Client) APIVersion(ctx context.Context) string {
	c.negotiate(ctx)
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.version
}

// ClientVersion returns the version without dialing: negotiated, fixed or the default.
func (c *Client) ClientVersion() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.version
}

// negotiate pings once per process, unless the version is fixed.
func (c *Client) negotiate(ctx context.Context) {
	c.mu.Lock()
	done := c.fixed || c.negotiated
	c.mu.Unlock()
	if done {
		return
	}
	p, err := c.Ping(ctx)
	if err != nil {
		return // the real request reports the error
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.negotiated {
		return
	}
	v := p.APIVersion
	if !wellFormedVersion(v) {
		// An unreadable version (junk, 100 KB of it) is no version.
		v = ""
	}
	if v == "" {
		v = "1.24"
	}
	if versionLess(v, c.version) {
		c.version = v
	}
	c.negotiated = true
}

// url builds a request URL like the reference: the path is cleaned
// (path.Join) and escaped only where a path must be, so names are sent as
// typed: "a/../x" is cleaned, "x?y" is escaped.
func (c *Client) url(p string, q url.Values, versioned bool) *url.URL {
	if versioned {
		p = "/v" + c.ClientVersion() + "/" + p
	}
	return &url.URL{Scheme: c.scheme, Host: c.urlHost, Path: path.Join(c.basePath, p), RawQuery: q.Encode()}
}

// newRequest builds a request for u. The URL is set as a value, not parsed:
// a unix socket path as its host does not survive parsing.
func (c *Client) newRequest(ctx context.Context, method string, u *url.URL, body io.Reader) (*http.Request, error) {
	req, err := http.NewRequestWithContext(ctx, method, "/", body)
	if err != nil {
		return nil, err
	}
	req.URL = u
	req.Host = u.Host
	return req, nil
}

// do sends a request and returns the response when its status is below 400;
// otherwise the daemon's error. The caller closes the body.
func (c *Client) do(ctx context.Context, r request) (*http.Response, error) {
	c.negotiate(ctx)
	return c.send(ctx, r, true)
}

func (c *Client) send(ctx context.Context, r request, versioned bool) (*http.Response, error) {
	body := r.body
	if r.json != nil {
		b, err := json.Marshal(r.json)
		if err != nil {
			return nil, err
		}
		body = bytes.NewReader(b)
	}
	req, err := c.newRequest(ctx, r.method, c.url(r.path, r.query, versioned), body)
	if err != nil {
		return nil, err
	}
	c.decorate(req, r)
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, c.connError(err)
	}
	if resp.StatusCode >= 400 {
		defer resp.Body.Close()
		return nil, readAPIError(resp, req.URL, c.ClientVersion())
	}
	return resp, nil
}

func (c *Client) decorate(req *http.Request, r request) {
	for k, v := range c.headers {
		req.Header.Set(k, v)
	}
	for k, vs := range r.headers {
		req.Header[k] = vs
	}
	if c.userAgent != "" {
		req.Header.Set("User-Agent", c.userAgent)
	}
	if r.json != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if c.unix {
		req.Host = "api.moby.localhost"
	}
}

// doJSON sends a request and decodes a JSON reply into out (when non-nil).
func (c *Client) doJSON(ctx context.Context, r request, out any) error {
	resp, err := c.do(ctx, r)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if out == nil {
		_, _ = io.CopyN(io.Discard, resp.Body, maxErrorBody) // enough to reuse the connection, never endless
		return nil
	}
	// The decode error is reported bare, as the reference does ("EOF").
	return json.NewDecoder(resp.Body).Decode(out)
}

// versionLess compares dotted API versions numerically.
func versionLess(a, b string) bool {
	as, bs := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < len(as) || i < len(bs); i++ {
		var x, y int
		if i < len(as) {
			fmt.Sscan(as[i], &x)
		}
		if i < len(bs) {
			fmt.Sscan(bs[i], &y)
		}
		if x != y {
			return x < y
		}
	}
	return false
}

// wellFormedVersion accepts what a daemon sends as Api-Version: short
// dot-separated numbers ("1.41").
func wellFormedVersion(v string) bool {
	if v == "" || len(v) > 16 || v[0] == '.' || v[len(v)-1] == '.' || strings.Contains(v, "..") {
		return false
	}
	return strings.Trim(v, "0123456789.") == ""
}

// VersionLess reports whether API version a is older than b.
func VersionLess(a, b string) bool { return versionLess(a, b) }

// DialRaw opens a plain connection to the engine (system dial-stdio).
func (c *Client) DialRaw(ctx context.Context) (net.Conn, error) {
	conn, err := c.dial(ctx)
	if err != nil {
		return nil, c.connError(&net.OpError{Op: "dial", Net: "tcp", Err: err})
	}
	return conn, nil
}
