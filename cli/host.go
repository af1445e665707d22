package cli

import (
	"fmt"
	"net"
	"net/url"
	"strings"
)

// DefaultHost is the engine socket used when nothing else is configured.
const DefaultHost = "unix:///var/run/docker.sock"

const (
	defaultUnixSocket = "/var/run/docker.sock"
	defaultNamedPipe  = "//./pipe/docker_engine"
	defaultTCPPort    = "2375"
	// defaultTLSHost is used when TLS is asked for without a host.
	defaultTLSHost = "tcp://localhost:2376"
)

// ParseHost normalizes a -H / DOCKER_HOST value the way the reference
// does: no scheme means tcp, tcp gets a default host and port (the path is
// kept as the API base path), empty unix/npipe paths get the default
// socket, fd:// and ssh:// pass through untouched.
func ParseHost(val string, tls bool) (string, error) {
	host := strings.TrimSpace(val)
	if host == "" {
		if tls {
			return defaultTLSHost, nil
		}
		return DefaultHost, nil
	}
	proto, addr, ok := strings.Cut(host, "://")
	if !ok {
		proto, addr = "tcp", host
	}
	switch proto {
	case "unix":
		if addr == "" {
			addr = defaultUnixSocket
		}
		return "unix://" + addr, nil
	case "npipe":
		if addr == "" {
			addr = defaultNamedPipe
		}
		return "npipe://" + addr, nil
	case "tcp":
		return parseTCP(addr)
	case "fd", "ssh":
		return host, nil
	}
	return "", fmt.Errorf("invalid bind address format: %s", host)
}

// parseTCP fills in localhost and port 2375; user info and query are
// dropped, the path is kept.
func parseTCP(addr string) (string, error) {
	if addr == "" {
		return "tcp://localhost:" + defaultTCPPort, nil
	}
	u, err := url.Parse("tcp://" + addr)
	if err != nil {
		return "", err
	}
	h, port, err := net.SplitHostPort(u.Host)
	if err != nil {
		// No port (or an odd host): try again with the default port.
		h, port, err = net.SplitHostPort(net.JoinHostPort(u.Host, defaultTCPPort))
		if err != nil {
			return "", fmt.Errorf("invalid bind address format: %s", addr)
		}
	}
	if h == "" {
		h = "localhost"
	}
	if port == "" {
		port = defaultTCPPort
	}
	return "tcp://" + net.JoinHostPort(h, port) + u.Path, nil
}
