package config

import (
	"archive/tar"
	"bytes"
	"encoding/json"
	"io"
	"time"
)

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
