package config

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
	"time"
)

// maxArchive bounds an imported context archive; real ones are a few KB.
const maxArchive = 10 << 20

// Import stores the context in a tar or zip archive (as made by WriteContextArchive)
// under name, which replaces the name inside meta.json.
func (s *ContextStore) Import(name string, r io.Reader) error {
	if err := ValidateContextName(name); err != nil {
		return err
	}
	if s.Exists(name) {
		return fmt.Errorf("context %q already exists", name)
	}
	body, err := io.ReadAll(io.LimitReader(r, maxArchive+1))
	if err != nil {
		return err
	}
	if len(body) > maxArchive {
		return errors.New("context archive is too large")
	}
	var files map[string][]byte
	if bytes.HasPrefix(body, []byte("PK\x03\x04")) {
		files, err = readZip(body)
	} else {
		files, err = readTar(body)
	}
	if err != nil {
		return err
	}
	meta, ok := files["meta.json"]
	if !ok {
		return errors.New("invalid context archive: no meta.json")
	}
	var c Context
	if err := json.Unmarshal(meta, &c); err != nil {
		return fmt.Errorf("invalid context archive: meta.json: %w", err)
	}
	c.Name = name
	tls := map[string]*TLSData{}
	for p, b := range files {
		ep, file, ok := tlsPath(p)
		if !ok {
			continue
		}
		if tls[ep] == nil {
			tls[ep] = &TLSData{}
		}
		for _, f := range tlsFiles {
			if f.name == file {
				*f.get(tls[ep]) = b
			}
		}
	}
	if err := s.Save(c); err != nil {
		return err
	}
	for _, ep := range sortedKeys(tls) {
		if err := s.SaveTLS(name, ep, tls[ep]); err != nil {
			s.Remove(name)
			return err
		}
	}
	return nil
}

// tlsPath splits "tls/<endpoint>/<file>"; anything else is ignored so a
// crafted archive cannot write outside the context's directories.
func tlsPath(p string) (endpoint, file string, ok bool) {
	parts := strings.Split(path.Clean(p), "/")
	if len(parts) != 3 || parts[0] != "tls" || parts[1] == ".." || parts[1] == "." {
		return "", "", false
	}
	for _, f := range tlsFiles {
		if f.name == parts[2] {
			return parts[1], parts[2], true
		}
	}
	return "", "", false
}

func readTar(body []byte) (map[string][]byte, error) {
	files := map[string][]byte{}
	tr := tar.NewReader(bytes.NewReader(body))
	for {
		h, err := tr.Next()
		// The reference never closes its tar writer: no end-of-archive
		// blocks and no padding after the last file. After a complete
		// entry, running out of input is the end.
		if errors.Is(err, io.EOF) || (errors.Is(err, io.ErrUnexpectedEOF) && len(files) > 0) {
			return files, nil
		}
		if err != nil {
			return nil, err
		}
		if h.Typeflag != tar.TypeReg {
			continue
		}
		b, err := io.ReadAll(tr)
		if err != nil {
			return nil, err
		}
		files[path.Clean(h.Name)] = b
	}
}

func readZip(body []byte) (map[string][]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(body), int64(len(body)))
	if err != nil {
		return nil, err
	}
	files := map[string][]byte{}
	for _, f := range zr.File {
		if f.FileInfo().IsDir() {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		b, err := io.ReadAll(io.LimitReader(rc, maxArchive))
		rc.Close()
		if err != nil {
			return nil, err
		}
		files[path.Clean(f.Name)] = b
	}
	return files, nil
}

// WriteContextArchive writes c and its TLS material (per endpoint) byte for
// byte as the reference's `context export` does: USTAR headers with uid/gid
// 0 and mtime 0, meta.json (0644), a "tls" directory and tls/<endpoint>/
// entries (0700 dirs, 0600 files) — and, like the reference, no
// end-of-archive blocks and no padding after the last file. Import (and the
// reference) read such archives; GNU tar lists them with a warning.
// It serves contexts that are not stored, such as the in-memory default.
func WriteContextArchive(w io.Writer, c Context, material map[string]*TLSData) error {
	meta, err := json.Marshal(c)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	end := 0 // length of the archive up to the end of the last entry's data
	add := func(h *tar.Header, body []byte) error {
		h.Format = tar.FormatUSTAR
		h.ModTime = time.Unix(0, 0)
		h.Size = int64(len(body))
		if err := tw.WriteHeader(h); err != nil {
			return err
		}
		if _, err := tw.Write(body); err != nil {
			return err
		}
		if err := tw.Flush(); err != nil { // pads the entry; the last one is cut below
			return err
		}
		end = buf.Len() - padding(len(body))
		return nil
	}
	if err := add(&tar.Header{Name: "meta.json", Mode: 0o644, Typeflag: tar.TypeReg}, meta); err != nil {
		return err
	}
	if err := add(&tar.Header{Name: "tls", Mode: 0o700, Typeflag: tar.TypeDir}, nil); err != nil {
		return err
	}
	for _, ep := range sortedKeys(material) {
		d := material[ep]
		if d == nil {
			continue
		}
		if err := add(&tar.Header{Name: "tls/" + ep, Mode: 0o700, Typeflag: tar.TypeDir}, nil); err != nil {
			return err
		}
		for _, f := range tlsFiles {
			if b := *f.get(d); len(b) > 0 {
				if err := add(&tar.Header{Name: "tls/" + ep + "/" + f.name, Mode: 0o600, Typeflag: tar.TypeReg}, b); err != nil {
					return err
				}
			}
		}
	}
	_, err = w.Write(buf.Bytes()[:end])
	return err
}

// padding is what tar adds after n bytes of data to fill a 512-byte block.
func padding(n int) int {
	if r := n % 512; r != 0 {
		return 512 - r
	}
	return 0
}
