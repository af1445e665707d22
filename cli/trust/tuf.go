package trust

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/sha512"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"hash"
	"math/big"
	"slices"
	"time"
)

// The TUF metadata a notary server keeps for a repository (GUN): what this
// client reads and checks. Signatures cover the "signed" object exactly as
// served (notary sends it in canonical form), so it is kept raw.

type signedFile struct {
	Signed     json.RawMessage `json:"signed"`
	Signatures []signature     `json:"signatures"`
}

type signature struct {
	KeyID  string `json:"keyid"`
	Method string `json:"method"`
	Sig    []byte `json:"sig"`
}

// PublicKey is a key as TUF lists it.
type PublicKey struct {
	Type  string `json:"keytype"`
	Value struct {
		Public []byte `json:"public"`
	} `json:"keyval"`
}

// Role is who may sign a piece of metadata.
type Role struct {
	KeyIDs    []string `json:"keyids"`
	Threshold int      `json:"threshold"`
}

type common struct {
	Type    string    `json:"_type"`
	Expires time.Time `json:"expires"`
	Version int       `json:"version"`
}

// RootMeta is root.json's signed part.
type RootMeta struct {
	common
	Keys  map[string]PublicKey `json:"keys"`
	Roles map[string]Role      `json:"roles"`
}

// FileMeta describes a file by its length and digests.
type FileMeta struct {
	Length int64             `json:"length"`
	Hashes map[string][]byte `json:"hashes"`
}

type metaList struct {
	common
	Meta map[string]FileMeta `json:"meta"`
}

// Delegation hands part of the targets to other keys (signers).
type Delegation struct {
	Role
	Name  string   `json:"name"`
	Paths []string `json:"paths"`
}

// TargetsMeta is targets.json's (or a delegation's) signed part.
type TargetsMeta struct {
	common
	Targets     map[string]FileMeta `json:"targets"`
	Delegations struct {
		Keys  map[string]PublicKey `json:"keys"`
		Roles []Delegation         `json:"roles"`
	} `json:"delegations"`
}

// decode parses a metadata file and checks that it is of kind typ, not
// expired, and signed by enough of role's keys.
func decode(raw []byte, typ string, keys map[string]PublicKey, role Role, out any) error {
	var f signedFile
	if err := json.Unmarshal(raw, &f); err != nil {
		return fmt.Errorf("%s: %w", typ, err)
	}
	if err := json.Unmarshal(f.Signed, out); err != nil {
		return fmt.Errorf("%s: %w", typ, err)
	}
	var c common
	_ = json.Unmarshal(f.Signed, &c)
	if c.Type != typ {
		return fmt.Errorf("%s: metadata of type %q", typ, c.Type)
	}
	if time.Now().After(c.Expires) {
		return fmt.Errorf("%s expired at %v", typ, c.Expires)
	}
	return verifySignatures(f, keys, role)
}

func verifySignatures(f signedFile, keys map[string]PublicKey, role Role) error {
	valid := map[string]bool{}
	for _, s := range f.Signatures {
		if !slices.Contains(role.KeyIDs, s.KeyID) {
			continue
		}
		if k, ok := keys[s.KeyID]; ok && verify(k, s, f.Signed) == nil {
			valid[s.KeyID] = true
		}
	}
	if len(valid) < max(role.Threshold, 1) {
		return errors.New("valid signatures did not meet threshold")
	}
	return nil
}

// verify checks one signature (notary's methods: ecdsa as r||s over
// SHA-256, eddsa, rsapss and rsa over SHA-256).
func verify(k PublicKey, s signature, msg []byte) error {
	pub, err := k.crypto()
	if err != nil {
		return err
	}
	digest := sha256.Sum256(msg)
	switch p := pub.(type) {
	case ed25519.PublicKey:
		if s.Method == "eddsa" && ed25519.Verify(p, msg, s.Sig) {
			return nil
		}
	case *ecdsa.PublicKey:
		half := len(s.Sig) / 2
		if s.Method == "ecdsa" && half > 0 {
			r, ss := new(big.Int).SetBytes(s.Sig[:half]), new(big.Int).SetBytes(s.Sig[half:])
			if ecdsa.Verify(p, digest[:], r, ss) {
				return nil
			}
		}
	case *rsa.PublicKey:
		switch s.Method {
		case "rsapss":
			return rsa.VerifyPSS(p, crypto.SHA256, digest[:], s.Sig, &rsa.PSSOptions{SaltLength: rsa.PSSSaltLengthEqualsHash})
		case "rsa":
			return rsa.VerifyPKCS1v15(p, crypto.SHA256, digest[:], s.Sig)
		}
	}
	return errors.New("signature does not verify")
}

// crypto decodes the key: raw ed25519, PKIX DER, or a PEM certificate for
// the -x509 types.
func (k PublicKey) crypto() (crypto.PublicKey, error) {
	switch k.Type {
	case "ed25519":
		if len(k.Value.Public) != ed25519.PublicKeySize {
			return nil, errors.New("bad ed25519 key")
		}
		return ed25519.PublicKey(k.Value.Public), nil
	case "ecdsa", "rsa":
		return x509.ParsePKIXPublicKey(k.Value.Public)
	case "ecdsa-x509", "rsa-x509":
		cert, err := k.certificate()
		if err != nil {
			return nil, err
		}
		return cert.PublicKey, nil
	}
	return nil, fmt.Errorf("unsupported key type %q", k.Type)
}

func (k PublicKey) certificate() (*x509.Certificate, error) {
	block, _ := pem.Decode(k.Value.Public)
	if block == nil {
		return nil, errors.New("bad certificate")
	}
	return x509.ParseCertificate(block.Bytes)
}

// checkFile compares a downloaded file with what the metadata above it says.
func checkFile(raw []byte, name string, want FileMeta) error {
	if want.Length != 0 && int64(len(raw)) != want.Length {
		return fmt.Errorf("%s: length mismatch", name)
	}
	for alg, sum := range want.Hashes {
		var h hash.Hash
		switch alg {
		case "sha256":
			h = sha256.New()
		case "sha512":
			h = sha512.New()
		default:
			continue
		}
		h.Write(raw)
		if !bytes.Equal(h.Sum(nil), sum) {
			return fmt.Errorf("%s: checksum mismatch", name)
		}
	}
	return nil
}

// checkRoot checks a root.json against itself and, when the client
// already trusted one for this repository, against that one's keys (a
// rotation must be signed by the old root). Root certificates must name
// the repository.
func checkRoot(raw []byte, gun string, trusted *RootMeta) (*RootMeta, error) {
	var root RootMeta
	var f signedFile
	if err := json.Unmarshal(raw, &f); err != nil {
		return nil, fmt.Errorf("root: %w", err)
	}
	if err := json.Unmarshal(f.Signed, &root); err != nil {
		return nil, fmt.Errorf("root: %w", err)
	}
	if err := decode(raw, "Root", root.Keys, root.Roles["root"], &root); err != nil {
		return nil, err
	}
	if trusted != nil {
		if err := verifySignatures(f, trusted.Keys, trusted.Roles["root"]); err != nil {
			return nil, fmt.Errorf("root: not signed by the trusted root keys: %w", err)
		}
	}
	for _, id := range root.Roles["root"].KeyIDs {
		k := root.Keys[id]
		if k.Type != "ecdsa-x509" && k.Type != "rsa-x509" {
			continue
		}
		cert, err := k.certificate()
		if err != nil {
			return nil, err
		}
		if cert.Subject.CommonName != gun {
			return nil, fmt.Errorf("root certificate is for %q, not %q", cert.Subject.CommonName, gun)
		}
	}
	return &root, nil
}
