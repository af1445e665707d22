package cli

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"net"
	"os"
	"strings"

	"github.com/dockerclone/docker/config"
)

// Endpoint is the resolved engine address and its TLS material.
type Endpoint struct {
	Context       string
	Host          string
	SkipTLSVerify bool
	// TLS material: PEM bytes from a context, or file paths from flags.
	CA, Cert, Key []byte
	UseTLS        bool
}

// ResolveEndpoint applies the reference's precedence:
// --context > -H > DOCKER_HOST > DOCKER_CONTEXT > currentContext > default.
func ResolveEndpoint(c *CLI) (Endpoint, error) {
	o := &c.Opts
	if o.Context != "" && len(o.Hosts) > 0 {
		return Endpoint{}, &StatusError{Code: 1, Msg: "conflicting options: cannot specify both --host and --context"}
	}
	name := resolveContextName(c)
	if name != config.DefaultContextName {
		return contextEndpoint(c, name)
	}
	return defaultEndpoint(o)
}

// resolveContextName picks the context name from flags, env and config.
func resolveContextName(c *CLI) string {
	o := &c.Opts
	switch {
	case o.Context != "":
		return o.Context
	case len(o.Hosts) > 0:
		return config.DefaultContextName
	case os.Getenv("DOCKER_HOST") != "":
		return config.DefaultContextName
	case os.Getenv("DOCKER_CONTEXT") != "":
		return os.Getenv("DOCKER_CONTEXT")
	}
	if cur := c.Config().CurrentContext; cur != "" {
		return cur
	}
	return config.DefaultContextName
}

// DefaultEndpoint is the endpoint of the in-memory "default" context.
func DefaultEndpoint(o *GlobalOptions) (Endpoint, error) { return defaultEndpoint(o) }

func defaultEndpoint(o *GlobalOptions) (Endpoint, error) {
	useTLS := o.TLS || o.TLSVerify
	var raw string
	switch {
	case len(o.Hosts) > 1:
		return Endpoint{}, errors.New("Specify only one -H")
	case len(o.Hosts) == 1:
		raw = o.Hosts[0]
	default:
		raw = os.Getenv("DOCKER_HOST")
	}
	host, err := ParseHost(raw, useTLS)
	if err != nil {
		return Endpoint{}, err
	}
	ep := Endpoint{Context: config.DefaultContextName, Host: host, UseTLS: useTLS, SkipTLSVerify: !o.TLSVerify}
	if useTLS {
		if ep.CA, err = readTLSFile(o.TLSCACert, o.TLSVerify); err != nil {
			return Endpoint{}, err
		}
		if ep.Cert, err = readTLSFile(o.TLSCert, false); err != nil {
			return Endpoint{}, err
		}
		if ep.Key, err = readTLSFile(o.TLSKey, false); err != nil {
			return Endpoint{}, err
		}
	}
	return ep, nil
}

// readTLSFile reads a PEM file; a missing default file is not an error.
func readTLSFile(path string, required bool) ([]byte, error) {
	if path == "" {
		return nil, nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		if os.IsNotExist(err) && !required {
			return nil, nil
		}
		return nil, fmt.Errorf("could not read CA certificate %q: %w", path, err)
	}
	return b, nil
}

func contextEndpoint(c *CLI, name string) (Endpoint, error) {
	store := c.Contexts()
	meta, err := store.Get(name)
	if err != nil {
		return Endpoint{}, err
	}
	host, skip := DefaultHost, false
	if d := meta.Docker; d != nil {
		if d.Host != "" {
			host = d.Host
		}
		skip = d.SkipTLSVerify
	}
	ep := Endpoint{Context: name, Host: host, SkipTLSVerify: skip}
	tlsData, err := store.ReadTLS(name, "docker")
	if err != nil {
		return Endpoint{}, err
	}
	if tlsData != nil {
		ep.CA, ep.Cert, ep.Key = tlsData.CA, tlsData.Cert, tlsData.Key
		ep.UseTLS = true
	}
	return ep, nil
}

// TLSConfig builds the client TLS configuration, nil when TLS is off.
func (e Endpoint) TLSConfig() (*tls.Config, error) {
	if !e.UseTLS && !strings.HasPrefix(e.Host, "https://") {
		return nil, nil
	}
	cfg := &tls.Config{MinVersion: tls.VersionTLS12, InsecureSkipVerify: e.SkipTLSVerify}
	if len(e.CA) > 0 {
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM(e.CA) {
			return nil, errors.New("failed to append certificates from PEM file")
		}
		cfg.RootCAs = pool
	}
	if len(e.Cert) > 0 || len(e.Key) > 0 {
		if blk, _ := pem.Decode(e.Key); blk != nil && strings.Contains(blk.Type, "ENCRYPTED") || blk != nil && blk.Headers["Proc-Type"] != "" {
			return nil, errors.New("private key is encrypted - support for encrypted private keys has been removed, see https://docs.docker.com/go/deprecated/")
		}
		pair, err := tls.X509KeyPair(e.Cert, e.Key)
		if err != nil {
			return nil, fmt.Errorf("could not load X509 key pair: %w", err)
		}
		cfg.Certificates = []tls.Certificate{pair}
	}
	return cfg, nil
}

// Dialer returns a custom dial function for transports other than unix/tcp.
func (e Endpoint) Dialer() (func(ctx context.Context) (net.Conn, error), error) {
	if strings.HasPrefix(e.Host, "ssh://") {
		return sshDialer(e.Host)
	}
	return nil, nil
}

// customHeaders merges config HttpHeaders and DOCKER_CUSTOM_HEADERS.
func customHeaders(f *config.File) map[string]string {
	h := map[string]string{}
	for k, v := range f.HTTPHeaders {
		if !strings.EqualFold(k, "User-Agent") {
			h[k] = v
		}
	}
	if env := os.Getenv("DOCKER_CUSTOM_HEADERS"); env != "" {
		for _, kv := range strings.Split(env, ",") {
			if k, v, ok := strings.Cut(kv, "="); ok && k != "" {
				h[k] = v
			}
		}
	}
	return h
}
