package registry

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"time"
)

// HubRegistry is where Docker Hub's registry API answers.
const HubRegistry = "registry-1.docker.io"

// ErrNoEndpoint means no endpoint of the registry could be used (https
// refused by a plain HTTP server, without --insecure): the reference then
// reports the object as missing.
var ErrNoEndpoint = errors.New("no usable registry endpoint")

// NewHTTPClient is the HTTP client for registry requests.
func NewHTTPClient() *http.Client {
	return &http.Client{Timeout: 60 * time.Second}
}

// Endpoints are the base URLs tried for a registry host ("docker.io" is
// Hub's API host): https always, then plain http when insecure.
func Endpoints(host string, insecure bool) []string {
	if host == "docker.io" || host == "index.docker.io" {
		host = HubRegistry
	}
	out := []string{"https://" + host}
	if insecure {
		out = append(out, "http://"+host)
	}
	return out
}

// IsLoopback reports whether a registry host[:port] is on this machine:
// such registries are insecure by default, as the daemon treats them.
func IsLoopback(hostport string) bool {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	if ip := net.ParseIP(host); ip != nil {
		return ip.IsLoopback()
	}
	addrs, err := net.LookupIP(host)
	if err != nil {
		return false
	}
	for _, ip := range addrs {
		if ip.IsLoopback() {
			return true
		}
	}
	return false
}

// Ping asks base/v2/ and returns the response (body closed).
func Ping(ctx context.Context, client *http.Client, base string) (*http.Response, error) {
	return Get(ctx, client, base+"/v2/", nil)
}

// Get sends a GET, edit adding headers, and closes the response's body. A
// transport failure reads `Get "https://h/v2/": <cause>`, as the reference
// prints it.
func Get(ctx context.Context, client *http.Client, u string, edit func(*http.Request)) (*http.Response, error) {
	r, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	if edit != nil {
		edit(r)
	}
	resp, err := client.Do(r)
	if err != nil {
		return nil, err
	}
	resp.Body.Close()
	return resp, nil
}

// Client opens repositories on registries.
type Client struct {
	HTTP     *http.Client
	Insecure bool // try plain http after https
	// Creds returns the stored credentials of a registry host (its
	// config.json key: "https://index.docker.io/v1/" for Hub).
	Creds func(host string) Credentials
}

// Repository is one repository of a registry, reached through the first
// endpoint that answered and authorized for the scopes asked.
type Repository struct {
	http      *http.Client
	base      string // scheme://host
	name      string // path in the registry, e.g. library/busybox
	creds     Credentials
	scopes    []string
	challenge Challenge
	bearer    string
}

// Repository pings the registry's endpoints in turn and returns the first
// that answers. An endpoint that speaks plain HTTP to an https request is
// skipped; any other failure ends the search, as with the reference.
func (c *Client) Repository(ctx context.Context, domain, path string, push bool) (*Repository, error) {
	client := c.HTTP
	if client == nil {
		client = NewHTTPClient()
	}
	scope := "repository:" + path + ":pull"
	if push {
		scope += ",push"
	}
	for _, base := range Endpoints(domain, c.Insecure) {
		resp, err := Ping(ctx, client, base)
		if err != nil {
			if isProtocolMismatch(err) {
				continue
			}
			return nil, fmt.Errorf("failed to configure transport: error pinging v2 registry: %w", err)
		}
		r := &Repository{http: client, base: base, name: path, scopes: []string{scope}}
		if resp.StatusCode == http.StatusUnauthorized {
			r.challenge = ParseChallenge(resp.Header.Get("WWW-Authenticate"))
			if c.Creds != nil {
				r.creds = c.Creds(domain)
			}
		}
		return r, nil
	}
	return nil, ErrNoEndpoint
}

// isProtocolMismatch is https refused by a plain HTTP server (or a TLS
// failure), after which the next endpoint is tried.
func isProtocolMismatch(err error) bool {
	s := err.Error()
	return strings.Contains(s, "server gave HTTP response to HTTPS client") ||
		strings.Contains(s, "tls:") || strings.Contains(s, "x509:")
}
