package config

import (
	"archive/tar"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"testing"
)

// TestWriteContextArchiveMatchesReference rebuilds archives the reference
// CLI exported (unterminated tar, last file unpadded) from their own
// content and expects the same bytes.
func TestWriteContextArchiveMatchesReference(t *testing.T) {
	for _, name := range []string{"testdata/reference-export.tar", "testdata/reference-export-tls.tar"} {
		t.Run(name, func(t *testing.T) {
			want, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			files := map[string][]byte{}
			tr := tar.NewReader(bytes.NewReader(want))
			for {
				h, err := tr.Next()
				if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
					break
				}
				if err != nil {
					t.Fatal(err)
				}
				b, err := io.ReadAll(tr)
				if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
					t.Fatal(err)
				}
				files[h.Name] = b
			}
			var c Context
			if err := json.Unmarshal(files["meta.json"], &c); err != nil {
				t.Fatal(err)
			}
			material := map[string]*TLSData{}
			if len(files["tls/docker/ca.pem"]) > 0 {
				material["docker"] = &TLSData{CA: files["tls/docker/ca.pem"], Cert: files["tls/docker/cert.pem"], Key: files["tls/docker/key.pem"]}
			}
			var got bytes.Buffer
			if err := WriteContextArchive(&got, c, material); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("archive differs from the reference's: got %d bytes, want %d", got.Len(), len(want))
			}
		})
	}
}

// TestWriteContextArchiveImports checks our own archives round-trip.
func TestWriteContextArchiveImports(t *testing.T) {
	s := NewContextStore(t.TempDir())
	c := Context{Name: "src", Description: "d", Docker: &DockerEndpoint{Host: "tcp://h:1", SkipTLSVerify: true}}
	tls := &TLSData{CA: []byte("ca"), Key: []byte("key")}
	var buf bytes.Buffer
	if err := WriteContextArchive(&buf, c, map[string]*TLSData{"docker": tls}); err != nil {
		t.Fatal(err)
	}
	if err := s.Import("dst", &buf); err != nil {
		t.Fatal(err)
	}
	got, err := s.Get("dst")
	if err != nil {
		t.Fatal(err)
	}
	if got.Description != "d" || got.Docker == nil || got.Docker.Host != "tcp://h:1" || !got.Docker.SkipTLSVerify {
		t.Errorf("imported %+v", got)
	}
	d, err := s.ReadTLS("dst", "docker")
	if err != nil || d == nil || string(d.CA) != "ca" || string(d.Key) != "key" || d.Cert != nil {
		t.Errorf("imported TLS %+v, %v", d, err)
	}
}
