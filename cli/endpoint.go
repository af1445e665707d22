package cli

import (
	"context"
	"errors"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strings"

	"github.com/dockerclone/docker/config"
)

// DefaultContextDescription is how the in-memory "default" context describes itself.
const DefaultContextDescription = "Current DOCKER_HOST based configuration"

// ErrConflictingHostContext is the reference's message for -H with --context.
var ErrConflictingHostContext = errors.New("conflicting options: cannot specify both --host and --context")

// errNoDockerEndpoint is reported for a stored context without a docker endpoint.
var errNoDockerEndpoint = errors.New("cannot find docker endpoint in context")

// Endpoint is the resolved engine address and its TLS material.
type Endpoint struct {
	Context       string
	Host          string
	SkipTLSVerify bool
	// TLS material as PEM bytes, from a context's tls directory or the
	// files named by --tlscacert/--tlscert/--tlskey. Empty means absent.
	CA, Cert, Key []byte
	UseTLS        bool
}

// TLSFiles names the material present, as `context inspect` lists it.
// (The reference's order for the default context varies run to run; we
// sort, as for stored contexts.)
func (e Endpoint) TLSFiles() []string {
	var out []string
	for _, f := range []struct {
		name string
		b    []byte
	}{{"ca.pem", e.CA}, {"cert.pem", e.Cert}, {"key.pem", e.Key}} {
		if len(f.b) > 0 {
			out = append(out, f.name)
		}
	}
	return out
}

// CheckGlobalOptions reports option combinations the reference refuses
// before running any command (-H together with --context).
func CheckGlobalOptions(o *GlobalOptions) error {
	if o.Context != "" && len(o.Hosts) > 0 {
		return ErrConflictingHostContext
	}
	return nil
}

// ResolveEndpoint applies the reference's precedence:
// --context > -H > DOCKER_HOST > DOCKER_CONTEXT > currentContext > default.
// (The reference's docs say DOCKER_CONTEXT beats DOCKER_HOST; its code
// does not, and we follow the code.)
func ResolveEndpoint(c *CLI) (Endpoint, error) {
	if err := CheckGlobalOptions(&c.Opts); err != nil {
		return Endpoint{}, err
	}
	name := resolveContextName(c)
	if name != config.DefaultContextName {
		return ContextEndpoint(c.Contexts(), name)
	}
	return defaultEndpoint(&c.Opts)
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

// DefaultEndpoint is the endpoint of the in-memory "default" context: host
// from -H or DOCKER_HOST, TLS from the global flags and environment.
func DefaultEndpoint(o *GlobalOptions) (Endpoint, error) { return defaultEndpoint(o) }

func defaultEndpoint(o *GlobalOptions) (Endpoint, error) {
	useTLS := o.UseTLS()
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
	ep := Endpoint{Context: config.DefaultContextName, Host: host}
	if !useTLS {
		return ep, nil
	}
	ep.UseTLS, ep.SkipTLSVerify = true, !o.TLSVerify
	// The CA is always read when named; a client certificate or key left
	// at its default path may be missing (most TLS setups have none).
	if ep.CA, err = readTLSFile(o.TLSCACert, true); err != nil {
		return Endpoint{}, err
	}
	if ep.Cert, err = readTLSFile(o.TLSCert, o.TLSCert != defaultCertFile("cert.pem")); err != nil {
		return Endpoint{}, err
	}
	if ep.Key, err = readTLSFile(o.TLSKey, o.TLSKey != defaultCertFile("key.pem")); err != nil {
		return Endpoint{}, err
	}
	return ep, nil
}

// defaultCertFile is the default of --tlscacert/--tlscert/--tlskey.
func defaultCertFile(name string) string {
	dir := os.Getenv("DOCKER_CERT_PATH")
	if dir == "" {
		dir = config.Dir("")
	}
	return filepath.Join(dir, name)
}

// readTLSFile reads a PEM file; the error is the bare os error, as the
// reference prints it ("open /x/ca.pem: no such file or directory").
func readTLSFile(path string, required bool) ([]byte, error) {
	if path == "" {
		return nil, nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		if !required && errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		return nil, err
	}
	return b, nil
}

// ContextEndpoint loads a stored context's docker endpoint and TLS files.
// TLS is on when the context has TLS files or skips verification.
func ContextEndpoint(store *config.ContextStore, name string) (Endpoint, error) {
	meta, err := store.Get(name)
	if err != nil {
		return Endpoint{}, err
	}
	d := meta.Docker
	if d == nil {
		return Endpoint{}, errNoDockerEndpoint
	}
	ep := Endpoint{Context: name, Host: d.Host, SkipTLSVerify: d.SkipTLSVerify}
	if ep.Host == "" {
		ep.Host = DefaultHost
	}
	tlsData, err := store.ReadTLS(name, "docker")
	if err != nil {
		return Endpoint{}, err
	}
	if tlsData != nil {
		ep.CA, ep.Cert, ep.Key = tlsData.CA, tlsData.Cert, tlsData.Key
	}
	ep.UseTLS = tlsData != nil || d.SkipTLSVerify
	return ep, nil
}

// Dialer returns a custom dial function for transports other than unix/tcp
// (ssh); nil means the engine client dials by itself.
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
