package trust

import (
	"crypto/ed25519"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/dockerclone/docker/cli/clitest"
)

// writePEM writes one PEM block to a file of the test's directory.
func writePEM(t *testing.T, dir, name, typ string, der []byte, mode os.FileMode) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: der}), mode); err != nil {
		t.Fatal(err)
	}
	return p
}

// keyFiles are key files of every kind the checks tell apart.
type keyFiles struct {
	priv, privOpen, pub, cert string // RSA: the private key (0600 and 0644), its public key, a certificate expiring in a month
	edPriv, edPub             string // Ed25519, which notary does not sign with
	junk, badPub, badCert     string // no PEM block, blocks that do not parse
	badPriv, ssh              string
}

func makeKeyFiles(t *testing.T) keyFiles {
	t.Helper()
	dir := t.TempDir()
	k, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	_, ed, _ := ed25519.GenerateKey(rand.Reader)
	der := x509.MarshalPKCS1PrivateKey(k)
	pubDER, _ := x509.MarshalPKIXPublicKey(&k.PublicKey)
	edDER, _ := x509.MarshalPKCS8PrivateKey(ed)
	edPubDER, _ := x509.MarshalPKIXPublicKey(ed.Public())
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "cx"},
		NotBefore: time.Now(), NotAfter: time.Now().AddDate(0, 1, 0)}
	certDER, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &k.PublicKey, k)
	if err != nil {
		t.Fatal(err)
	}
	junk := filepath.Join(dir, "junk")
	if err := os.WriteFile(junk, []byte("junk\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return keyFiles{
		priv:     writePEM(t, dir, "k", "RSA PRIVATE KEY", der, 0o600),
		privOpen: writePEM(t, dir, "k644", "RSA PRIVATE KEY", der, 0o644),
		pub:      writePEM(t, dir, "k.pub", "PUBLIC KEY", pubDER, 0o644),
		cert:     writePEM(t, dir, "k.crt", "CERTIFICATE", certDER, 0o644),
		edPriv:   writePEM(t, dir, "ed", "PRIVATE KEY", edDER, 0o600),
		edPub:    writePEM(t, dir, "ed.pub", "PUBLIC KEY", edPubDER, 0o644),
		junk:     junk,
		badPub:   writePEM(t, dir, "bad.pub", "PUBLIC KEY", []byte{0, 0, 0}, 0o644),
		badCert:  writePEM(t, dir, "bad.crt", "CERTIFICATE", []byte{0, 0, 0}, 0o644),
		badPriv:  writePEM(t, dir, "bad", "RSA PRIVATE KEY", []byte{0, 0, 0}, 0o600),
		ssh:      writePEM(t, dir, "ssh", "OPENSSH PRIVATE KEY", []byte{0, 0, 0}, 0o600),
	}
}

// TestClientSideChecks: what the reference refuses, prints and asks before
// (or instead of) reaching a notary server, here one that refuses
// connections.
func TestClientSideChecks(t *testing.T) {
	t.Setenv("DOCKER_CONTENT_TRUST_SERVER", "https://127.0.0.1:1")
	k := makeKeyFiles(t)
	priv, privOpen, pub, cert, junk := k.priv, k.privOpen, k.pub, k.cert, k.junk
	const lower = `must start with lowercase alphanumeric characters and can include "-" or "_" after the first character`
	const refused = "dial tcp 127.0.0.1:1: connect: connection refused"
	const importWarning = `time="[^"]+" level=warning msg="failed to import key to store: Invalid key generated, key may be encrypted and does not contain path header"` + "\n"
	tests := []struct {
		args     []string
		stdin    string
		out, err string
		errText  string // the returned error, a regexp
	}{
		{args: []string{"sign", "busybox"}, errText: "^no tag specified for busybox$"},
		{args: []string{"sign", "docker.io/library/busybox"}, errText: "^no tag specified for docker.io/library/busybox$"},
		{args: []string{"sign", "busybox@sha256:" + sha}, errText: "^cannot use a digest reference for IMAGE:TAG$"},
		{args: []string{"sign", "B@D"}, errText: `^invalid reference format: repository name \(library/B@D\) must be lowercase$`},
		{args: []string{"sign", "busybox:1"}, errText: "^Error: error contacting notary server: " + refused + "$"},
		{args: []string{"revoke", "busybox"}, stdin: "n\n", out: "Confirm you would like to delete all signature data for busybox? [y/N] "},
		{args: []string{"revoke", "busybox"}, stdin: "y\n", out: "Confirm you would like to delete all signature data for busybox? [y/N] ",
			errText: "^could not remove signature for busybox: " + refused + "$"},
		{args: []string{"revoke", "busybox:1"}, errText: "^could not remove signature for busybox:1: " + refused + "$"},
		{args: []string{"revoke", "-y", "B@D"}, errText: `^invalid reference format`},
		{args: []string{"inspect", "busybox", "B@D"}, out: "[]\n",
			errText: "^no signatures or cannot access busybox\ninvalid reference format: repository name \\(library/B@D\\) must be lowercase$"},
		{args: []string{"inspect", "--pretty", "busybox", "B@D"}, errText: "^no signatures or cannot access busybox$"},
		{args: []string{"key", "generate", "B A"}, errText: `^key name "B A" ` + regexp.QuoteMeta(lower) + "$"},
		{args: []string{"key", "generate", "cx", "--dir", "/nonexistent"}, errText: `^public key path does not exist: "/nonexistent"$`},
		{args: []string{"key", "generate", "cx", "--dir", t.TempDir()}, out: "Generating key for cx...\n", errText: "not supported"},
		{args: []string{"key", "load", "--name", "B A", "/nonexistent"}, errText: `^key name "B A" `},
		{args: []string{"key", "load", "/nonexistent"}, out: "Loading key from \"/nonexistent\"...\n",
			errText: "^refusing to load key from /nonexistent: stat /nonexistent: no such file or directory$"},
		{args: []string{"key", "load", privOpen}, out: "Loading key from \"" + privOpen + "\"...\n",
			errText: "^refusing to load key from .*: private key file .* must not be readable or writable by others$"},
		{args: []string{"key", "load", junk}, out: "Loading key from \"" + junk + "\"...\n",
			errText: "^error importing key from .*: provided file .* is not a supported private key - to add a signer's public key use docker trust signer add$"},
		{args: []string{"key", "load", "--name", "", priv}, out: "Loading key from \"" + priv + "\"...\n", errText: "not supported"},
		{args: []string{"signer", "add", "cx", "busybox"}, errText: "^path to a public key must be provided using the `--key` flag$"},
		{args: []string{"signer", "add", "Cx", "busybox"}, errText: `^signer name "Cx" `},
		{args: []string{"signer", "add", "--key", "/nonexistent", "releases", "busybox"}, errText: "^releases is a reserved keyword, use a different signer name$"},
		{args: []string{"signer", "add", "--key", "/nonexistent", "cx", "busybox"}, errText: "^unable to read public key from file: open /nonexistent: no such file or directory$"},
		{args: []string{"signer", "add", "--key", junk, "cx", "busybox"}, errText: "^could not parse public key from file: .*: no valid public key found$"},
		{args: []string{"signer", "add", "--key", priv, "cx", "busybox"},
			errText: `^could not parse public key from file: .*: unsupported PEM block type "RSA PRIVATE KEY", expected CERTIFICATE or PUBLIC KEY$`},
		{args: []string{"signer", "add", "--key", pub, "cx", "B@D", "busybox"},
			out:     "Adding signer \"cx\" to B@D...\nAdding signer \"cx\" to busybox...\n",
			err:     "invalid reference format: repository name (library/B@D) must be lowercase\n\nError: error contacting notary server: " + refused + "\n\n",
			errText: "^failed to add signer to: B@D, busybox$"},
		{args: []string{"signer", "add", "--key", cert, "cx", "busybox"}, out: "Adding signer \"cx\" to busybox...\n",
			err:     `time="[^"]+" level=warning msg="certificate with CN cx is near expiry"` + "\nError: error contacting notary server: " + regexp.QuoteMeta(refused) + "\n\n",
			errText: "^failed to add signer to: busybox$"},
		{args: []string{"signer", "remove", "releases", "B@D", "busybox"},
			out:     "Removing signer \"releases\" from B@D...\nRemoving signer \"releases\" from busybox...\n",
			err:     "invalid reference format: repository name (library/B@D) must be lowercase\n\nreleases is a reserved keyword and cannot be removed\n\n",
			errText: "^error removing signer from: B@D, busybox$"},
		{args: []string{"signer", "remove", "cx", "busybox"}, out: "Removing signer \"cx\" from busybox...\n",
			err: "error retrieving signers for busybox: " + refused + "\n\n", errText: "^error removing signer from: busybox$"},
		// Beyond the probe's table, checked against the reference too.
		{args: []string{"revoke", "busybox@sha256:" + sha}, errText: "^cannot use a digest reference for IMAGE:TAG$"},
		{args: []string{"revoke", "busybox:1@sha256:" + sha}, errText: "^cannot use a digest reference for IMAGE:TAG$"},
		{args: []string{"revoke", "busybox"}, out: "Confirm you would like to delete all signature data for busybox? [y/N] "},
		{args: []string{"revoke", "-y", "busybox"}, errText: "^could not remove signature for busybox: " + refused + "$"},
		{args: []string{"inspect", "--pretty", "B@D", "busybox"}, errText: `^invalid reference format: repository name \(library/B@D\) must be lowercase$`},
		{args: []string{"inspect", "busybox@sha256:" + sha}, out: "[]\n", errText: "^no signatures or cannot access busybox@sha256:" + sha + "$"},
		{args: []string{"signer", "add", "--key", pub, "--key", junk, "--key", "/nonexistent", "cx", "busybox"},
			errText: "^could not parse public key from file: .*: no valid public key found$"},
		{args: []string{"signer", "add", "--key", pub, "cx", "busybox@sha256:" + sha}, out: "Adding signer \"cx\" to busybox@sha256:" + sha + "...\n",
			err: "Error: error contacting notary server: " + refused + "\n\n", errText: "^failed to add signer to: busybox@sha256:" + sha + "$"},
		{args: []string{"signer", "add", "--key", k.edPub, "cx", "busybox"}, errText: "^could not parse public key from file: .*: unknown public key format$"},
		{args: []string{"signer", "add", "--key", k.badPub, "cx", "busybox"},
			errText: "^could not parse public key from file: .*: unable to parse pem encoded public key: asn1: structure error: tags don.t match \\(16 vs "},
		{args: []string{"signer", "add", "--key", k.badCert, "cx", "busybox"},
			errText: "^could not parse public key from file: .*: could not parse provided certificate: x509: malformed certificate$"},
		{args: []string{"key", "load", k.ssh}, out: "Loading key from \"" + k.ssh + "\"...\n",
			errText: "^error importing key from .*: provided file .* is not a supported private key - to add a signer's public key use docker trust signer add$"},
		{args: []string{"key", "load", k.edPriv}, out: "Loading key from \"" + k.edPriv + "\"...\n", err: importWarning,
			errText: "^error importing key from .*: failed to import all keys: invalid key pem block$"},
		{args: []string{"key", "load", k.badPriv}, out: "Loading key from \"" + k.badPriv + "\"...\n", err: importWarning,
			errText: "^error importing key from .*: failed to import all keys: invalid key pem block$"},
		{args: []string{"signer", "remove", "-f", "B A", "busybox:1"}, out: "Removing signer \"B A\" from busybox:1...\n",
			err: "error retrieving signers for busybox:1: " + refused + "\n\n", errText: "^error removing signer from: busybox:1$"},
	}
	for _, tt := range tests {
		e := &clitest.Engine{}
		r := clitest.Run(t, e, clitest.Options{Stdin: tt.stdin}, Group, tt.args...)
		errOK := tt.errText == "" && r.RunErr == nil || tt.errText != "" && regexp.MustCompile(tt.errText).MatchString(r.ErrText())
		stderrOK := r.Err == tt.err
		if tt.err != "" && tt.err[0] == 't' { // a logged line: its time varies
			stderrOK = regexp.MustCompile("^" + tt.err + "$").MatchString(r.Err)
		}
		if !errOK || r.Out != tt.out || !stderrOK || e.Contacts() != 0 {
			t.Errorf("%v:\n got err %q out %q stderr %q\nwant err %q out %q stderr %q", tt.args, r.ErrText(), r.Out, r.Err, tt.errText, tt.out, tt.err)
		}
	}
}

// notary serves the trust data of docker.io/library/busybox kept in
// cli/trust/testdata (tags 1 and 2, signer alice) and returns a config
// directory trusting it.
func notary(t *testing.T) (host, configDir string) {
	srv := httptest.NewTLSServer(http.StripPrefix("/v2/docker.io/library/busybox/_trust/tuf/", http.FileServer(http.Dir("../../cli/trust/testdata/notary"))))
	t.Cleanup(srv.Close)
	t.Setenv("DOCKER_CONTENT_TRUST_SERVER", srv.URL)
	host, configDir = strings.TrimPrefix(srv.URL, "https://"), t.TempDir()
	tlsDir := filepath.Join(configDir, "tls", host)
	if err := os.MkdirAll(tlsDir, 0o700); err != nil {
		t.Fatal(err)
	}
	writePEM(t, tlsDir, "ca.crt", "CERTIFICATE", srv.Certificate().Raw, 0o600)
	return host, configDir
}

// TestWithNotary: what the reference says with a notary server that answers;
// once its checks pass, what would change trust data is not implemented.
func TestWithNotary(t *testing.T) {
	host, dir := notary(t)
	pub := makeKeyFiles(t).pub
	const unsupported = "content trust: signing with a notary server is not supported by this client"
	none := host + " does not have trust data for docker.io/library/alpine"
	for _, tt := range []struct {
		args          []string
		out, err, ret string
	}{
		{args: []string{"sign", "busybox:1"}, ret: "Error: " + unsupported},
		{args: []string{"sign", "alpine:1"}, ret: "Error: " + unsupported}, // its trust data would be created
		{args: []string{"revoke", "-y", "busybox"}, ret: "could not remove signature for busybox: " + unsupported},
		{args: []string{"revoke", "-y", "alpine"}, ret: "could not remove signature for alpine: " + none},
		{args: []string{"signer", "add", "--key", pub, "cx", "busybox"}, out: "Adding signer \"cx\" to busybox...\n",
			err: "Error: " + unsupported + "\n\n", ret: "failed to add signer to: busybox"},
		{args: []string{"signer", "remove", "-f", "alice", "busybox"}, out: "Removing signer \"alice\" from busybox...\n",
			err: unsupported + "\n\n", ret: "error removing signer from: busybox"},
		{args: []string{"signer", "remove", "cx", "busybox", "alpine"}, out: "Removing signer \"cx\" from busybox...\nRemoving signer \"cx\" from alpine...\n",
			err: "no signer cx for repository busybox\n\nerror retrieving signers for alpine: " + none + "\n\n", ret: "error removing signer from: busybox, alpine"},
		{args: []string{"inspect", "--pretty", "alpine"}, ret: "no signatures or cannot access alpine"},
	} {
		r := clitest.Run(t, &clitest.Engine{}, clitest.Options{ConfigDir: dir}, Group, tt.args...)
		if r.ErrText() != tt.ret || r.Out != tt.out || r.Err != tt.err {
			t.Errorf("%v:\n got err %q out %q stderr %q\nwant err %q out %q stderr %q", tt.args, r.ErrText(), r.Out, r.Err, tt.ret, tt.out, tt.err)
		}
	}

	// The reference's output for the same trust data.
	for golden, args := range map[string][]string{"inspect.golden": {"busybox", "busybox:2"}, "inspect-pretty.golden": {"--pretty", "busybox:1", "busybox"}} {
		want, err := os.ReadFile(filepath.Join("testdata", golden))
		if err != nil {
			t.Fatal(err)
		}
		if r := clitest.Run(t, &clitest.Engine{}, clitest.Options{ConfigDir: dir}, Group, append([]string{"inspect"}, args...)...); r.RunErr != nil || r.Out != string(want) {
			t.Errorf("inspect %v: err %v\n%s\nwant\n%s", args, r.RunErr, r.Out, want)
		}
	}

	// --pretty: blank lines after each block but the last, and the first
	// failure ends it.
	r := clitest.Run(t, &clitest.Engine{}, clitest.Options{ConfigDir: dir}, Group, "inspect", "--pretty", "busybox", "alpine", "busybox:1")
	if r.ErrText() != "no signatures or cannot access alpine" || strings.Count(r.Out, "\nSignatures for ") != 1 ||
		!strings.HasPrefix(r.Out, "\nSignatures for busybox\n\nSIGNED TAG ") || !regexp.MustCompile("\n  Root Key:\t[0-9a-f]{64}\n\n\n$").MatchString(r.Out) {
		t.Errorf("inspect --pretty: err %v out %q", r.RunErr, r.Out)
	}
}

const sha = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
