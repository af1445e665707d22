package trust

import (
	"crypto/ecdsa"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/reference"
)

// validName is the reference's rule for key and signer names: lower-case
// letters and digits, then "-" and "_" as well.
func validName(name string) bool {
	for i, r := range name {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
		case i > 0 && (r == '-' || r == '_'):
		default:
			return false
		}
	}
	return name != ""
}

func errBadName(what, name string) error {
	return fmt.Errorf(`%s name %q must start with lowercase alphanumeric characters and can include "-" or "_" after the first character`, what, name)
}

// releasesRole is the signer name the notary delegation of releases takes.
const releasesRole = "releases"

// parseUndigested parses a reference that may not name a digest, as sign
// and revoke want theirs.
func parseUndigested(arg string) (reference.Named, error) {
	named, err := reference.ParseNormalizedNamed(arg)
	if err != nil {
		return nil, err
	}
	if _, ok := named.(reference.Digested); ok {
		return nil, errors.New("cannot use a digest reference for IMAGE:TAG")
	}
	return named, nil
}

// parseTagged parses IMAGE:TAG as sign wants it: a tag, no digest.
func parseTagged(arg string) (reference.Named, error) {
	named, err := parseUndigested(arg)
	if err != nil {
		return nil, err
	}
	if _, ok := named.(reference.Tagged); !ok {
		return nil, fmt.Errorf("no tag specified for %s", arg)
	}
	return named, nil
}

// readPublicKey reads a signer's key file: the first PEM block must be a
// certificate or an ECDSA or RSA public key. A certificate about to expire
// is warned about, as the reference's notary library does.
func readPublicKey(c *cli.CLI, path string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("unable to read public key from file: %w", err)
	}
	block, _ := pem.Decode(b)
	switch {
	case block == nil:
		err = errors.New("no valid public key found")
	case block.Type == "CERTIFICATE":
		cert, perr := x509.ParseCertificate(block.Bytes)
		if perr != nil {
			err = fmt.Errorf("could not parse provided certificate: %w", perr)
		} else if time.Now().AddDate(0, 6, 0).After(cert.NotAfter) {
			c.LogWarning("certificate with CN %s is near expiry", cert.Subject.CommonName)
		}
	case block.Type == "PUBLIC KEY":
		key, perr := x509.ParsePKIXPublicKey(block.Bytes)
		if perr != nil {
			err = fmt.Errorf("unable to parse pem encoded public key: %w", perr)
		} else if !signingKey(key) {
			err = errors.New("unknown public key format")
		}
	default:
		err = fmt.Errorf("unsupported PEM block type %q, expected CERTIFICATE or PUBLIC KEY", block.Type)
	}
	if err != nil {
		return fmt.Errorf("could not parse public key from file: %s: %w", path, err)
	}
	return nil
}

// signingKey reports whether key is of a kind notary signs with.
func signingKey(key any) bool {
	switch key.(type) {
	case *ecdsa.PublicKey, *rsa.PublicKey, *ecdsa.PrivateKey, *rsa.PrivateKey:
		return true
	}
	return false
}

// checkPrivateKey is what the reference checks of a key file to load: it
// exists, only its owner may read it, it holds an ECDSA or RSA private key
// (or an encrypted one, whose passphrase it would ask for).
func checkPrivateKey(c *cli.CLI, path string) error {
	fi, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("refusing to load key from %s: %w", path, err)
	}
	if fi.Mode().Perm()&0o077 != 0 {
		return fmt.Errorf("refusing to load key from %s: private key file %s must not be readable or writable by others", path, path)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("error importing key from %s: %w", path, err)
	}
	block, _ := pem.Decode(b)
	var key any
	switch {
	case block == nil:
	case block.Type == "ENCRYPTED PRIVATE KEY":
		return nil
	case block.Type == "EC PRIVATE KEY":
		key, err = x509.ParseECPrivateKey(block.Bytes)
	case block.Type == "RSA PRIVATE KEY":
		key, err = x509.ParsePKCS1PrivateKey(block.Bytes)
	case block.Type == "PRIVATE KEY":
		key, err = x509.ParsePKCS8PrivateKey(block.Bytes)
	}
	if key == nil && err == nil { // no PEM block, or one of another kind
		return fmt.Errorf("error importing key from %s: provided file %s is not a supported private key - to add a signer's public key use docker trust signer add", path, path)
	}
	if err != nil || !signingKey(key) {
		c.LogWarning("failed to import key to store: Invalid key generated, key may be encrypted and does not contain path header")
		return fmt.Errorf("error importing key from %s: failed to import all keys: invalid key pem block", path)
	}
	return nil
}

// eachRepository announces and runs op for every repository (parsed
// first: a bad one fails alone), printing each failure followed by an empty
// line, and fails naming those that failed.
func eachRepository(c *cli.CLI, repos []string, failure string, announce func(repo string), op func(repo string, named reference.Named) error) error {
	var failed []string
	for _, repo := range repos {
		announce(repo)
		c.Out.Flush()
		named, err := reference.ParseNormalizedNamed(repo)
		if err == nil {
			err = op(repo, named)
		}
		if err != nil {
			fmt.Fprintf(c.Err, "%s\n\n", err)
			failed = append(failed, repo)
		}
	}
	if len(failed) > 0 {
		return fmt.Errorf("%s: %s", failure, strings.Join(failed, ", "))
	}
	return nil
}
