package cli

import (
	"crypto/tls"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"strings"
)

// errEncryptedKey is the reference's refusal of password-protected keys.
var errEncryptedKey = errors.New("private key is encrypted - support for encrypted private keys has been removed, see https://docs.docker.com/go/deprecated/")

// TLSConfig builds the client TLS configuration; nil when TLS is off.
// Only tcp endpoints use TLS: a local socket or an ssh tunnel ignores the
// TLS flags, as with the reference.
func (e Endpoint) TLSConfig() (*tls.Config, error) {
	if !e.UseTLS || !strings.HasPrefix(e.Host, "tcp://") {
		return nil, nil
	}
	return BuildTLSConfig(e.CA, e.Cert, e.Key, e.SkipTLSVerify)
}

// BuildTLSConfig checks PEM material the way the reference does and turns
// it into a client configuration (TLS 1.2 at least). A client certificate
// is only used when both cert and key are given. `context create` calls it
// to validate material before storing it.
func BuildTLSConfig(ca, cert, key []byte, skipVerify bool) (*tls.Config, error) {
	cfg := &tls.Config{MinVersion: tls.VersionTLS12, InsecureSkipVerify: skipVerify}
	if len(ca) > 0 {
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM(ca) {
			return nil, errors.New("failed to retrieve context tls info: ca.pem seems invalid")
		}
		cfg.RootCAs = pool
	}
	if len(cert) > 0 && len(key) > 0 {
		keyBlock, err := privateKeyBlock(key)
		if err != nil {
			return nil, err
		}
		pair, err := tls.X509KeyPair(cert, pem.EncodeToMemory(keyBlock))
		if err != nil {
			return nil, fmt.Errorf("failed to retrieve context tls info: %w", err)
		}
		cfg.Certificates = []tls.Certificate{pair}
	}
	return cfg, nil
}

// privateKeyBlock finds the first PEM block holding a private key.
func privateKeyBlock(b []byte) (*pem.Block, error) {
	for {
		var blk *pem.Block
		blk, b = pem.Decode(b)
		if blk == nil {
			return nil, errors.New("no valid private key found")
		}
		if !strings.HasSuffix(blk.Type, "PRIVATE KEY") {
			continue
		}
		if blk.Type == "ENCRYPTED PRIVATE KEY" || strings.Contains(blk.Headers["Proc-Type"], "ENCRYPTED") {
			return nil, errEncryptedKey
		}
		return blk, nil
	}
}
