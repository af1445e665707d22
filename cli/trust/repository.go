package trust

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// Repository is one repository (GUN) on a notary server. Fetch downloads
// and verifies its metadata the way a notary client does: the root is
// trusted on first use and kept under the trust directory, each later
// piece is checked against the one above it.
type Repository struct {
	Server string // https://host[:port]
	GUN    string
	// ConfigDir is the docker config directory: TLS material for the
	// server in tls/<host>/ (ca.crt, client.cert, client.key), trusted
	// roots in trust/tuf/<gun>/metadata/.
	ConfigDir string
}

// Metadata is a repository's verified trust data.
type Metadata struct {
	Root    *RootMeta
	Targets map[string]*TargetsMeta // by role: "targets", "targets/releases", "targets/<signer>"
}

// NewRepository is the repository for a registry host and repository name.
func NewRepository(configDir, registryHost, gun string) *Repository {
	return &Repository{Server: Server(registryHost), GUN: gun, ConfigDir: configDir}
}

func (r *Repository) host() string {
	u, err := url.Parse(r.Server)
	if err != nil {
		return r.Server
	}
	return u.Host
}

func (r *Repository) metadataDir() string {
	return filepath.Join(r.ConfigDir, "trust", "tuf", filepath.FromSlash(r.GUN), "metadata")
}

func (r *Repository) client() (*http.Client, error) {
	cfg := &tls.Config{MinVersion: tls.VersionTLS12}
	dir := filepath.Join(r.ConfigDir, "tls", r.host())
	if ca, err := os.ReadFile(filepath.Join(dir, "ca.crt")); err == nil {
		pool, err := x509.SystemCertPool()
		if err != nil {
			pool = x509.NewCertPool()
		}
		pool.AppendCertsFromPEM(ca)
		cfg.RootCAs = pool
	}
	if cert, err := tls.LoadX509KeyPair(filepath.Join(dir, "client.cert"), filepath.Join(dir, "client.key")); err == nil {
		cfg.Certificates = []tls.Certificate{cert}
	}
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.TLSClientConfig = cfg
	return &http.Client{Transport: tr, Timeout: 30 * time.Second}, nil
}

// Fetch downloads and verifies the repository's metadata. Its errors are
// the reference's: "error contacting notary server: ..." when the server
// cannot be reached, "remote trust data does not exist ..." when it has
// nothing for the repository.
func (r *Repository) Fetch(ctx context.Context) (*Metadata, error) {
	hc, err := r.client()
	if err != nil {
		return nil, err
	}
	get := func(role string) ([]byte, error) { return r.get(ctx, hc, role) }
	rawRoot, err := get("root")
	if err != nil {
		return nil, err
	}
	trusted, _ := r.trustedRoot()
	root, err := checkRoot(rawRoot, r.GUN, trusted)
	if err != nil {
		return nil, err
	}
	rawTimestamp, err := get("timestamp")
	if err != nil {
		return nil, err
	}
	var timestamp metaList
	if err := decode(rawTimestamp, "Timestamp", root.Keys, root.Roles["timestamp"], &timestamp); err != nil {
		return nil, err
	}
	rawSnapshot, err := get("snapshot")
	if err != nil {
		return nil, err
	}
	var snapshot metaList
	if err := checkFile(rawSnapshot, "snapshot", timestamp.Meta["snapshot"]); err != nil {
		return nil, err
	}
	if err := decode(rawSnapshot, "Snapshot", root.Keys, root.Roles["snapshot"], &snapshot); err != nil {
		return nil, err
	}
	md := &Metadata{Root: root, Targets: map[string]*TargetsMeta{}}
	files := map[string][]byte{"root": rawRoot, "timestamp": rawTimestamp, "snapshot": rawSnapshot}
	// The top-level targets, then the delegations it lists (one level:
	// what `docker trust signer add` creates).
	roles := []struct {
		name string
		keys map[string]PublicKey
		role Role
	}{{"targets", root.Keys, root.Roles["targets"]}}
	for i := 0; i < len(roles); i++ {
		role := roles[i]
		meta, listed := snapshot.Meta[role.name]
		if !listed {
			continue
		}
		raw, err := get(role.name)
		if err != nil {
			return nil, err
		}
		var t TargetsMeta
		if err := checkFile(raw, role.name, meta); err != nil {
			return nil, err
		}
		if err := decode(raw, "Targets", role.keys, role.role, &t); err != nil {
			return nil, fmt.Errorf("%s: %w", role.name, err)
		}
		md.Targets[role.name], files[role.name] = &t, raw
		if role.name == "targets" {
			for _, d := range t.Delegations.Roles {
				roles = append(roles, struct {
					name string
					keys map[string]PublicKey
					role Role
				}{d.Name, t.Delegations.Keys, d.Role})
			}
		}
	}
	r.keep(files)
	return md, nil
}

// Reach asks the server for the repository's root: nil when it has trust
// data for it, else Fetch's error.
func (r *Repository) Reach(ctx context.Context) error {
	hc, err := r.client()
	if err == nil {
		_, err = r.get(ctx, hc, "root")
	}
	return err
}

// get downloads one role's metadata.
func (r *Repository) get(ctx context.Context, hc *http.Client, role string) ([]byte, error) {
	u := r.Server + "/v2/" + r.GUN + "/_trust/tuf/" + role + ".json"
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	resp, err := hc.Do(req)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		// net/http words a plain HTTP answer its own way; the reference's
		// notary transport shows the TLS error underneath.
		if err.Error() == "http: server gave HTTP response to HTTPS client" {
			err = errors.New("tls: first record does not look like a TLS handshake")
		}
		return nil, fmt.Errorf("error contacting notary server: %w", err)
	}
	defer resp.Body.Close()
	switch resp.StatusCode {
	case http.StatusOK:
		return io.ReadAll(io.LimitReader(resp.Body, 100<<20))
	case http.StatusNotFound:
		if role == "root" {
			return nil, fmt.Errorf("remote trust data does not exist for %s: %w", r.GUN, &NoTrustDataError{Host: r.host(), GUN: r.GUN})
		}
		return nil, fmt.Errorf("%s: trust data not found on the notary server", role)
	case http.StatusUnauthorized:
		return nil, errors.New("you are not authorized to perform this operation: server returned 401.")
	}
	return nil, fmt.Errorf("error contacting notary server: %s", resp.Status)
}

// NoTrustDataError is what a notary server says of a repository it has no
// trust data for; signing would create it. Fetch's error wraps it.
type NoTrustDataError struct{ Host, GUN string }

func (e *NoTrustDataError) Error() string {
	return e.Host + " does not have trust data for " + e.GUN
}

// trustedRoot is the root kept from an earlier use of the repository.
func (r *Repository) trustedRoot() (*RootMeta, error) {
	raw, err := os.ReadFile(filepath.Join(r.metadataDir(), "root.json"))
	if err != nil {
		return nil, err
	}
	var f signedFile
	var root RootMeta
	if err := json.Unmarshal(raw, &f); err != nil {
		return nil, err
	}
	return &root, json.Unmarshal(f.Signed, &root)
}

// keep caches what was verified, as the reference does (0700 directories,
// 0600 files): the root becomes the trust anchor of later uses.
func (r *Repository) keep(files map[string][]byte) {
	dir := r.metadataDir()
	if os.MkdirAll(dir, 0o700) != nil {
		return
	}
	for role, raw := range files {
		p := filepath.Join(dir, filepath.FromSlash(role)+".json")
		if os.MkdirAll(filepath.Dir(p), 0o700) == nil {
			_ = os.WriteFile(p, raw, 0o600)
		}
	}
}

// ReleasesRole is where signers' signatures of a tag go; pulls trust it
// before the repository key's own.
const ReleasesRole = "targets/releases"

// Target is the digest a tag is signed for: releases first, then the
// repository key's targets, as the reference pulls.
func (m *Metadata) Target(tag string) (digest string, ok bool) {
	for _, role := range []string{ReleasesRole, "targets"} {
		if t, found := m.Targets[role]; found {
			if f, signed := t.Targets[tag]; signed && len(f.Hashes["sha256"]) > 0 {
				return hex.EncodeToString(f.Hashes["sha256"]), true
			}
		}
	}
	return "", false
}

// SignedTag is one tag's signature: its digest and who signed it.
type SignedTag struct {
	Tag, Digest string
	Signers     []string // "Repo Admin" for the repository key
}

// SignedTags lists the tags the repository key (targets) and the releases
// role sign, by tag, the repository key's first where both sign a tag for
// different digests. A tag's signers are those whose own role signs
// the same digest, else "Repo Admin"; tags only in a signer's own role are
// not listed. This is what the reference shows.
func (m *Metadata) SignedTags() []SignedTag {
	var out []SignedTag
	seen := map[[2]string]bool{}
	for _, role := range []string{"targets", ReleasesRole} {
		t := m.Targets[role]
		if t == nil {
			continue
		}
		for _, tag := range slices.Sorted(maps.Keys(t.Targets)) {
			st := SignedTag{Tag: tag, Digest: hex.EncodeToString(t.Targets[tag].Hashes["sha256"])}
			if seen[[2]string{tag, st.Digest}] {
				continue
			}
			seen[[2]string{tag, st.Digest}] = true
			for _, s := range m.Signers() {
				if own := m.Targets["targets/"+s.Name]; own != nil && hex.EncodeToString(own.Targets[tag].Hashes["sha256"]) == st.Digest {
					st.Signers = append(st.Signers, s.Name)
				}
			}
			if st.Signers == nil {
				st.Signers = []string{"Repo Admin"}
			}
			out = append(out, st)
		}
	}
	slices.SortStableFunc(out, func(a, b SignedTag) int { return strings.Compare(a.Tag, b.Tag) })
	return out
}

// Signer is a delegation other than releases: a name and its key IDs.
type Signer struct {
	Name string
	Keys []string
}

// Signers lists the repository's signers in the order targets delegates to
// them (the order a tag's signers are listed in).
func (m *Metadata) Signers() []Signer {
	var out []Signer
	if t := m.Targets["targets"]; t != nil {
		for _, d := range t.Delegations.Roles {
			if d.Name == ReleasesRole {
				continue
			}
			keys := slices.Clone(d.KeyIDs)
			slices.Sort(keys)
			out = append(out, Signer{Name: strings.TrimPrefix(d.Name, "targets/"), Keys: keys})
		}
	}
	return out
}

// RoleKeys are the key IDs of a top-level role ("root", "targets").
func (m *Metadata) RoleKeys(role string) []string {
	keys := slices.Clone(m.Root.Roles[role].KeyIDs)
	slices.Sort(keys)
	return keys
}
