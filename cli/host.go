package cli

import (
	"fmt"
	"net"
	"net/url"
	"strings"
)

// DefaultHost is the engine socket used when nothing else is configured.
const DefaultHost = "unix:///var/run/docker.sock"

// defaultTLSHost is used when TLS is asked for without a host.
const defaultTLSHost = "tcp://localhost:2376"

// ParseHost normalizes a -H / DOCKER_HOST value the way the reference does.
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
			addr = "/var/run/docker.sock"
		}
		return "unix://" + addr, nil
	case "npipe":
		if addr == "" {
			addr = "//./pipe/docker_engine"
		}
		return "npipe://" + addr, nil
	case "tcp":
		return parseTCP(addr, val)
	case "fd", "ssh":
		return host, nil
	}
	return "", fmt.Errorf("invalid bind address format: %s", val)
}

func parseTCP(addr, orig string) (string, error) {
	u, err := url.Parse("tcp://" + addr)
	if err != nil {
		return "", err
	}
	h, port, err := net.SplitHostPort(u.Host)
	if err != nil {
		h, port = u.Host, ""
		if strings.HasPrefix(h, "[") && strings.HasSuffix(h, "]") {
			h = strings.Trim(h, "[]")
		}
	}
	if port == "" {
		port = "2375"
	}
	if h == "" {
		h = "localhost"
	}
	if _, perr := fmt.Sscan(port, new(uint16)); perr != nil {
		return "", fmt.Errorf("invalid bind address format: %s", orig)
	}
	return "tcp://" + net.JoinHostPort(h, port) + u.Path, nil
}
