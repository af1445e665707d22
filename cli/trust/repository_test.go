package trust

import (
	"context"
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/hex"
	"encoding/json"
	"encoding/pem"
	"flag"
	"math/big"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// fakeNotary signs a repository's metadata with keys of its own and serves
// it like a notary server, so that every check of Fetch can be exercised.
type fakeNotary struct {
	gun       string
	rootKey   *ecdsa.PrivateKey
	rootCN    string
	targetKey *ecdsa.PrivateKey
	signerKey *ecdsa.PrivateKey
	tsKey     ed25519.PrivateKey
	expires   time.Time
	files     map[string][]byte // role -> served bytes
}

func newFakeNotary(t *testing.T, gun string) *fakeNotary {
	t.Helper()
	n := &fakeNotary{gun: gun, rootCN: gun, expires: time.Now().Add(time.Hour), files: map[string][]byte{}}
	n.rootKey, _ = ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	n.targetKey, _ = ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	n.signerKey, _ = ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	_, n.tsKey, _ = ed25519.GenerateKey(rand.Reader)
	return n
}

type testKey struct {
	id  string
	pub PublicKey
}

func ecdsaKey(k *ecdsa.PrivateKey) testKey {
	der, _ := x509.MarshalPKIXPublicKey(&k.PublicKey)
	var pk PublicKey
	pk.Type, pk.Value.Public = "ecdsa", der
	return testKey{id: keyHash(pk), pub: pk}
}

func (n *fakeNotary) rootCert(t *testing.T) testKey {
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: n.rootCN},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: n.expires}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &n.rootKey.PublicKey, n.rootKey)
	if err != nil {
		t.Fatal(err)
	}
	var pk PublicKey
	pk.Type, pk.Value.Public = "ecdsa-x509", pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
	return testKey{id: keyHash(pk), pub: pk}
}

func edKey(k ed25519.PrivateKey) testKey {
	var pk PublicKey
	pk.Type, pk.Value.Public = "ed25519", k.Public().(ed25519.PublicKey)
	return testKey{id: keyHash(pk), pub: pk}
}

func keyHash(pk PublicKey) string {
	b, _ := json.Marshal(struct {
		T string `json:"keytype"`
		V struct {
			P *int   `json:"private"`
			Q []byte `json:"public"`
		} `json:"keyval"`
	}{T: pk.Type, V: struct {
		P *int   `json:"private"`
		Q []byte `json:"public"`
	}{Q: pk.Value.Public}})
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// sign wraps signed in a metadata file signed by the given keys.
func sign(t *testing.T, signed any, keys map[string]crypto.Signer) []byte {
	t.Helper()
	raw, err := json.Marshal(signed)
	if err != nil {
		t.Fatal(err)
	}
	var canon any
	_ = json.Unmarshal(raw, &canon)
	raw, _ = json.Marshal(canon)
	f := signedFile{Signed: raw}
	for id, k := range keys {
		switch k := k.(type) {
		case ed25519.PrivateKey:
			f.Signatures = append(f.Signatures, signature{KeyID: id, Method: "eddsa", Sig: ed25519.Sign(k, raw)})
		case *ecdsa.PrivateKey:
			d := sha256.Sum256(raw)
			r, s, _ := ecdsa.Sign(rand.Reader, k, d[:])
			sig := make([]byte, 64)
			r.FillBytes(sig[:32])
			s.FillBytes(sig[32:])
			f.Signatures = append(f.Signatures, signature{KeyID: id, Method: "ecdsa", Sig: sig})
		}
	}
	out, _ := json.Marshal(f)
	return out
}

func fileMeta(raw []byte) FileMeta {
	s := sha256.Sum256(raw)
	return FileMeta{Length: int64(len(raw)), Hashes: map[string][]byte{"sha256": s[:]}}
}

func digestOf(s string) []byte {
	d := sha256.Sum256([]byte(s))
	return d[:]
}

// build signs root, targets (tag "1", a signer "alice" with tag "2"),
// the releases delegation (tag "1" re-signed by alice) and the server's
// snapshot and timestamp.
func (n *fakeNotary) build(t *testing.T) {
	root, targets, signer, ts := n.rootCert(t), ecdsaKey(n.targetKey), ecdsaKey(n.signerKey), edKey(n.tsKey)
	c := func(typ string) common { return common{Type: typ, Expires: n.expires, Version: 1} }
	rootMeta := RootMeta{common: c("Root"),
		Keys: map[string]PublicKey{root.id: root.pub, targets.id: targets.pub, ts.id: ts.pub},
		Roles: map[string]Role{"root": {KeyIDs: []string{root.id}, Threshold: 1}, "targets": {KeyIDs: []string{targets.id}, Threshold: 1},
			"snapshot": {KeyIDs: []string{ts.id}, Threshold: 1}, "timestamp": {KeyIDs: []string{ts.id}, Threshold: 1}}}
	n.files["root"] = sign(t, rootMeta, map[string]crypto.Signer{root.id: n.rootKey})

	tm := TargetsMeta{common: c("Targets"), Targets: map[string]FileMeta{"1": {Length: 527, Hashes: map[string][]byte{"sha256": digestOf("one")}}}}
	tm.Delegations.Keys = map[string]PublicKey{signer.id: signer.pub}
	tm.Delegations.Roles = []Delegation{
		{Name: "targets/releases", Role: Role{KeyIDs: []string{signer.id}, Threshold: 1}, Paths: []string{""}},
		{Name: "targets/alice", Role: Role{KeyIDs: []string{signer.id}, Threshold: 1}, Paths: []string{""}},
	}
	n.files["targets"] = sign(t, tm, map[string]crypto.Signer{targets.id: n.targetKey})
	rel := TargetsMeta{common: c("Targets"), Targets: map[string]FileMeta{"1": {Length: 527, Hashes: map[string][]byte{"sha256": digestOf("released")}}}}
	n.files["targets/releases"] = sign(t, rel, map[string]crypto.Signer{signer.id: n.signerKey})
	alice := TargetsMeta{common: c("Targets"), Targets: map[string]FileMeta{"2": {Length: 1, Hashes: map[string][]byte{"sha256": digestOf("two")}}}}
	n.files["targets/alice"] = sign(t, alice, map[string]crypto.Signer{signer.id: n.signerKey})

	n.resnapshot(t)
}

// resnapshot signs the snapshot and timestamp over the current files.
func (n *fakeNotary) resnapshot(t *testing.T) {
	ts := edKey(n.tsKey)
	c := func(typ string) common { return common{Type: typ, Expires: n.expires, Version: 1} }
	snap := metaList{common: c("Snapshot"), Meta: map[string]FileMeta{"root": fileMeta(n.files["root"]), "targets": fileMeta(n.files["targets"]),
		"targets/releases": fileMeta(n.files["targets/releases"]), "targets/alice": fileMeta(n.files["targets/alice"])}}
	n.files["snapshot"] = sign(t, snap, map[string]crypto.Signer{ts.id: n.tsKey})
	stamp := metaList{common: c("Timestamp"), Meta: map[string]FileMeta{"snapshot": fileMeta(n.files["snapshot"])}}
	n.files["timestamp"] = sign(t, stamp, map[string]crypto.Signer{ts.id: n.tsKey})
}

// serve starts the TLS server and a config directory trusting it.
func (n *fakeNotary) serve(t *testing.T) *Repository {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		role, ok := strings.CutPrefix(r.URL.Path, "/v2/"+n.gun+"/_trust/tuf/")
		raw, found := n.files[strings.TrimSuffix(role, ".json")]
		if !ok || !found {
			w.WriteHeader(http.StatusNotFound)
			return
		}
		_, _ = w.Write(raw)
	}))
	t.Cleanup(srv.Close)
	u, _ := url.Parse(srv.URL)
	dir := t.TempDir()
	tlsDir := filepath.Join(dir, "tls", u.Host)
	if err := os.MkdirAll(tlsDir, 0o700); err != nil {
		t.Fatal(err)
	}
	ca := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: srv.Certificate().Raw})
	if err := os.WriteFile(filepath.Join(tlsDir, "ca.crt"), ca, 0o600); err != nil {
		t.Fatal(err)
	}
	return &Repository{Server: srv.URL, GUN: n.gun, ConfigDir: dir}
}

func TestFetch(t *testing.T) {
	n := newFakeNotary(t, "reg.example/team/app")
	n.build(t)
	repo := n.serve(t)
	md, err := repo.Fetch(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	// The releases delegation wins over the repository key's own target.
	if d, ok := md.Target("1"); !ok || d != hex.EncodeToString(digestOf("released")) {
		t.Errorf("target 1: %s %v", d, ok)
	}
	if _, ok := md.Target("2"); ok {
		t.Error("a signer's own role is not pulled from")
	}
	// The repository key's tag, then the releases role's; alice's own tag
	// is not listed, and she did not sign the released digest in her role.
	tags := md.SignedTags()
	if len(tags) != 2 || tags[0].Digest != hex.EncodeToString(digestOf("one")) || tags[1].Digest != hex.EncodeToString(digestOf("released")) ||
		tags[0].Signers[0] != "Repo Admin" || tags[1].Signers[0] != "Repo Admin" {
		t.Errorf("signed tags %+v", tags)
	}
	if s := md.Signers(); len(s) != 1 || s[0].Name != "alice" || s[0].Keys[0] != ecdsaKey(n.signerKey).id {
		t.Errorf("signers %+v", s)
	}
	if k := md.RoleKeys("targets"); len(k) != 1 || k[0] != ecdsaKey(n.targetKey).id {
		t.Errorf("repository keys %v", k)
	}
	fi, err := os.Stat(filepath.Join(repo.metadataDir(), "root.json"))
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("kept root: %v %v", fi, err)
	}

	// The kept root is the anchor: another root key is refused.
	n.rootKey, _ = ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	n.build(t)
	if _, err := repo.Fetch(context.Background()); err == nil || !strings.Contains(err.Error(), "not signed by the trusted root keys") {
		t.Fatalf("rotated root: %v", err)
	}
}

func TestFetchRefusesTampering(t *testing.T) {
	for _, tt := range []struct {
		name   string
		change func(t *testing.T, n *fakeNotary)
		want   string
	}{
		{"targets changed after the snapshot", func(t *testing.T, n *fakeNotary) {
			n.files["targets"] = append(n.files["targets"], ' ')
		}, "targets: length mismatch"},
		{"targets signed by another key", func(t *testing.T, n *fakeNotary) {
			n.targetKey, _ = ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
			other := n.files["root"]
			n.build(t)
			n.files["root"] = other
			n.resnapshot(t)
		}, "valid signatures did not meet threshold"},
		{"expired", func(t *testing.T, n *fakeNotary) {
			n.expires = time.Now().Add(-time.Minute)
			n.build(t)
		}, "Root expired at"},
		{"root for another repository", func(t *testing.T, n *fakeNotary) {
			n.rootCN = "reg.example/other"
			n.build(t)
		}, `root certificate is for "reg.example/other"`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			n := newFakeNotary(t, "reg.example/team/app")
			n.build(t)
			tt.change(t, n)
			_, err := n.serve(t).Fetch(context.Background())
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err %v, want %q", err, tt.want)
			}
		})
	}
}

func TestFetchErrors(t *testing.T) {
	n := newFakeNotary(t, "reg.example/team/app")
	repo := n.serve(t)
	host := strings.TrimPrefix(repo.Server, "https://")
	if _, err := repo.Fetch(context.Background()); err == nil || err.Error() !=
		"remote trust data does not exist for reg.example/team/app: "+host+" does not have trust data for reg.example/team/app" {
		t.Fatalf("no trust data: %v", err)
	}
	repo.Server = "https://127.0.0.1:1"
	if _, err := repo.Fetch(context.Background()); err == nil || !strings.HasPrefix(err.Error(), "error contacting notary server: dial tcp 127.0.0.1:1: ") {
		t.Fatalf("unreachable: %v", err)
	}
}

var update = flag.Bool("update", false, "rewrite testdata/notary")

// TestFixture checks the metadata kept in testdata/notary (docker.io/library/busybox,
// signed by the fake notary, valid until 2099; the reference CLI accepts it
// too), which the commands' tests serve. -update signs it again.
func TestFixture(t *testing.T) {
	const dir = "testdata/notary"
	n := newFakeNotary(t, "docker.io/library/busybox")
	if *update {
		n.expires = time.Date(2099, 1, 1, 0, 0, 0, 0, time.UTC)
		n.build(t)
		for role, raw := range n.files {
			p := filepath.Join(dir, role+".json")
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, raw, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, role := range []string{"root", "timestamp", "snapshot", "targets", "targets/releases", "targets/alice"} {
		raw, err := os.ReadFile(filepath.Join(dir, role+".json"))
		if err != nil {
			t.Fatal(err)
		}
		n.files[role] = raw
	}
	md, err := n.serve(t).Fetch(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if tags := md.SignedTags(); len(tags) != 2 || tags[0].Tag != "1" || tags[1].Tag != "1" {
		t.Errorf("signed tags %+v", tags)
	}
}

// TestSignedTags: rows and signers as the reference shows them for the
// same metadata (observed with repositories signed like these).
func TestSignedTags(t *testing.T) {
	type role struct {
		name string
		tags map[string]string // tag: content signed
	}
	meta := func(targets map[string]string, delegations ...role) *Metadata {
		tm := func(tags map[string]string) *TargetsMeta {
			t := &TargetsMeta{Targets: map[string]FileMeta{}}
			for tag, content := range tags {
				t.Targets[tag] = FileMeta{Hashes: map[string][]byte{"sha256": digestOf(content)}}
			}
			return t
		}
		md := &Metadata{Targets: map[string]*TargetsMeta{"targets": tm(targets)}}
		for _, d := range delegations {
			md.Targets["targets/"+d.name] = tm(d.tags)
			md.Targets["targets"].Delegations.Roles = append(md.Targets["targets"].Delegations.Roles, Delegation{Name: "targets/" + d.name})
		}
		return md
	}
	row := func(tag, content string, signers ...string) string {
		return tag + " " + hex.EncodeToString(digestOf(content))[:4] + " " + strings.Join(signers, ",")
	}
	for _, tt := range []struct {
		name string
		md   *Metadata
		want []string
	}{
		{"no releases role: a signer's own tag is not listed", meta(map[string]string{"1": "one"}, role{"alice", map[string]string{"1": "one", "5": "five"}}),
			[]string{row("1", "one", "alice")}},
		{"the releases role's tags, signers in the order of delegation", meta(nil, role{"releases", map[string]string{"3": "x"}},
			role{"carol", map[string]string{"3": "x"}}, role{"alice", map[string]string{"3": "x"}}, role{"bob", nil}),
			[]string{row("3", "x", "carol", "alice")}},
		{"one tag, two digests", meta(map[string]string{"1": "released", "9": "a"}, role{"releases", map[string]string{"1": "one", "9": "a"}},
			role{"alice", map[string]string{"1": "released"}}, role{"bob", map[string]string{"1": "one"}}),
			[]string{row("1", "released", "alice"), row("1", "one", "bob"), row("9", "a", "Repo Admin")}},
	} {
		var got []string
		for _, st := range tt.md.SignedTags() {
			got = append(got, st.Tag+" "+st.Digest[:4]+" "+strings.Join(st.Signers, ","))
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.want)
		}
	}
}
