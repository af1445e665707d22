package engine

import (
	"bufio"
	"bytes"
	"context"
	"crypto/tls"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"time"
)

// Hijacked is a raw connection taken over after an HTTP upgrade
// (attach, exec start): read the output from Reader, write input to Conn.
type Hijacked struct {
	Conn   net.Conn
	Reader *bufio.Reader
	// Multiplexed is true when the output carries stdcopy frames (no TTY).
	MediaType string
}

// Close closes the connection.
func (h *Hijacked) Close() error { return h.Conn.Close() }

// CloseWrite half-closes the input side so the container sees EOF.
func (h *Hijacked) CloseWrite() error {
	type closeWriter interface{ CloseWrite() error }
	if cw, ok := h.Conn.(closeWriter); ok {
		return cw.CloseWrite()
	}
	return nil
}

// hijack sends an upgrade request and returns the raw stream after 101.
func (c *Client) hijack(ctx context.Context, path string, q url.Values, body any) (*Hijacked, error) {
	c.negotiate(ctx)
	var buf bytes.Buffer
	if body != nil {
		if err := json.NewEncoder(&buf).Encode(body); err != nil {
			return nil, err
		}
	}
	req, err := c.newRequest(ctx, http.MethodPost, c.url(path, q, true), &buf)
	if err != nil {
		return nil, err
	}
	c.decorate(req, request{json: body})
	req.Header.Set("Connection", "Upgrade")
	req.Header.Set("Upgrade", "tcp")

	conn, err := c.dial(ctx)
	if err != nil {
		return nil, c.connError(&net.OpError{Op: "dial", Net: "unix", Err: err})
	}
	if c.tls != nil {
		cfg := c.tls.Clone()
		if cfg.ServerName == "" {
			host, _, _ := net.SplitHostPort(c.urlHost)
			cfg.ServerName = host
		}
		tc := tls.Client(conn, cfg)
		if err := tc.HandshakeContext(ctx); err != nil {
			conn.Close()
			return nil, c.connError(err)
		}
		conn = &tlsConn{Conn: tc, raw: conn}
	}
	if tcp, ok := conn.(*net.TCPConn); ok {
		_ = tcp.SetKeepAlive(true)
		_ = tcp.SetKeepAlivePeriod(30 * time.Second)
	}
	stop := context.AfterFunc(ctx, func() { conn.Close() })
	if err := req.Write(conn); err != nil {
		stop()
		conn.Close()
		return nil, c.connError(err)
	}
	resp, br, err := readResponse(conn, req, 32*1024)
	if err != nil {
		stop()
		conn.Close()
		return nil, c.connError(err)
	}
	if resp.StatusCode != http.StatusSwitchingProtocols {
		// The reference reports any refused upgrade by its status alone
		// (the daemon's message is not read), e.g. bad detach keys.
		stop()
		conn.Close()
		return nil, fmt.Errorf("unable to upgrade to tcp, received %d", resp.StatusCode)
	}
	stop()
	return &Hijacked{Conn: conn, Reader: br, MediaType: resp.Header.Get("Content-Type")}, nil
}

// tlsConn lets CloseWrite reach the TLS layer.
type tlsConn struct {
	*tls.Conn
	raw net.Conn
}

func (t *tlsConn) CloseWrite() error { return t.Conn.CloseWrite() }

// AttachOptions are the query of POST /containers/{id}/attach.
type AttachOptions struct {
	Stream, Stdin, Stdout, Stderr, Logs bool
	DetachKeys                          string
}

// ContainerAttach attaches to a container's streams.
func (c *Client) ContainerAttach(ctx context.Context, id string, o AttachOptions) (*Hijacked, error) {
	if err := checkContainerID(&id); err != nil {
		return nil, err
	}
	q := url.Values{}
	set := func(k string, v bool) {
		if v {
			q.Set(k, "1")
		}
	}
	set("stream", o.Stream)
	set("stdin", o.Stdin)
	set("stdout", o.Stdout)
	set("stderr", o.Stderr)
	set("logs", o.Logs)
	if o.DetachKeys != "" {
		q.Set("detachKeys", o.DetachKeys)
	}
	return c.hijack(ctx, "/containers/"+id+"/attach", q, nil)
}

var _ io.Reader = (*bufio.Reader)(nil)
