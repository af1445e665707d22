package cli

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// testPEM makes a self-signed certificate and its key, PEM encoded.
func testPEM(t *testing.T, cn string) (cert, key []byte) {
	t.Helper()
	k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: cn},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign | x509.KeyUsageDigitalSignature,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &k.PublicKey, k)
	if err != nil {
		t.Fatal(err)
	}
	kder, err := x509.MarshalECPrivateKey(k)
	if err != nil {
		t.Fatal(err)
	}
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}),
		pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kder})
}

func TestBuildTLSConfig(t *testing.T) {
	cert, key := testPEM(t, "a")
	_, otherKey := testPEM(t, "b")
	encrypted := []byte("-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\nAAAA\n-----END RSA PRIVATE KEY-----\n")
	tests := []struct {
		name          string
		ca, crt, k    []byte
		err           string
		wantRoots     bool
		wantClientCrt bool
	}{
		{name: "nothing", err: ""},
		{name: "ca only", ca: cert, wantRoots: true},
		{name: "bad ca", ca: []byte("garbage"), err: "failed to retrieve context tls info: ca.pem seems invalid"},
		{name: "pair", crt: cert, k: key, wantClientCrt: true},
		{name: "cert without key is ignored", crt: cert},
		{name: "key without cert is ignored", k: []byte("garbage")},
		{name: "no key block", crt: cert, k: []byte("garbage"), err: "no valid private key found"},
		{name: "encrypted key", crt: cert, k: encrypted, err: errEncryptedKey.Error()},
		{name: "mismatch", crt: cert, k: otherKey, err: "failed to retrieve context tls info: tls: private key does not match public key"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := BuildTLSConfig(tt.ca, tt.crt, tt.k, true)
			if tt.err != "" {
				if err == nil || err.Error() != tt.err {
					t.Fatalf("error = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !cfg.InsecureSkipVerify || cfg.MinVersion == 0 {
				t.Errorf("config %+v", cfg)
			}
			if (cfg.RootCAs != nil) != tt.wantRoots || (len(cfg.Certificates) > 0) != tt.wantClientCrt {
				t.Errorf("roots %v, client certs %d", cfg.RootCAs != nil, len(cfg.Certificates))
			}
		})
	}
}

func TestTLSConfigOnlyForTCP(t *testing.T) {
	for host, want := range map[string]bool{"tcp://h:1": true, "unix:///s": false, "ssh://h": false} {
		cfg, err := Endpoint{Host: host, UseTLS: true}.TLSConfig()
		if err != nil || (cfg != nil) != want {
			t.Errorf("%s: TLS config %v, %v; want TLS %v", host, cfg != nil, err, want)
		}
	}
	if cfg, _ := (Endpoint{Host: "tcp://h:1"}).TLSConfig(); cfg != nil {
		t.Error("TLS config without UseTLS")
	}
}

// --tlsverify given at all turns TLS on, even as --tlsverify=false (which
// then skips verification), as with the reference; --tls=false alone does not.
func TestExplicitTLSVerifyFalse(t *testing.T) {
	certs := t.TempDir()
	t.Setenv("DOCKER_CERT_PATH", certs)
	t.Setenv("DOCKER_TLS", "")
	t.Setenv("DOCKER_TLS_VERIFY", "")
	ca, _ := testPEM(t, "ca")
	cases := []struct {
		args          []string
		withCA        bool
		wantTLS, skip bool
		wantErr       string
	}{
		{args: []string{"--tlsverify=false"}, withCA: true, wantTLS: true, skip: true},
		{args: []string{"--tlsverify=false"}, wantErr: "open " + filepath.Join(certs, "ca.pem") + ": no such file or directory"},
		{args: []string{"--tls=false", "--tlsverify=false"}, withCA: true, wantTLS: true, skip: true},
		{args: []string{"--tlsverify"}, withCA: true, wantTLS: true},
		{args: []string{"--tls=false"}, withCA: true},
		{args: nil, withCA: true},
	}
	for _, tc := range cases {
		os.Remove(filepath.Join(certs, "ca.pem"))
		if tc.withCA {
			if err := os.WriteFile(filepath.Join(certs, "ca.pem"), ca, 0o600); err != nil {
				t.Fatal(err)
			}
		}
		pre := ParseGlobalFlags(append(tc.args, "-H", "tcp://daemon:2376", "ps"))
		ep, err := DefaultEndpoint(&pre.Opts)
		if tc.wantErr != "" {
			if err == nil || err.Error() != tc.wantErr {
				t.Errorf("%v: got %v, want %q", tc.args, err, tc.wantErr)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%v: %v", tc.args, err)
		}
		cfg, err := ep.TLSConfig()
		if err != nil || (cfg != nil) != tc.wantTLS || cfg != nil && cfg.InsecureSkipVerify != tc.skip {
			t.Errorf("%v: TLS config %+v, %v", tc.args, cfg, err)
		}
	}
}
