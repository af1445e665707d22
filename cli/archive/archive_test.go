package archive

import (
	"archive/tar"
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// addPath is what the callers do for every file they walk.
func addPath(tw *tar.Writer, p string) error {
	fi, err := os.Lstat(p)
	if err != nil {
		return err
	}
	hdr, err := FileHeader(p, fi)
	if err != nil {
		return err
	}
	return WriteEntry(tw, hdr, p)
}

func TestWriteEntries(t *testing.T) {
	dir := t.TempDir()
	file, link := filepath.Join(dir, "f"), filepath.Join(dir, "l")
	if err := errors.Join(os.WriteFile(file, []byte("hello"), 0o640), os.Symlink("f", link)); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	for _, p := range []string{dir, file, link} {
		if err := addPath(tw, p); err != nil {
			t.Fatal(err)
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	want := []struct {
		typ     byte
		link    string
		content string
	}{{tar.TypeDir, "", ""}, {tar.TypeReg, "", "hello"}, {tar.TypeSymlink, "f", ""}}
	tr := tar.NewReader(&buf)
	for i, w := range want {
		hdr, err := tr.Next()
		if err != nil {
			t.Fatalf("entry %d: %v", i, err)
		}
		body, _ := io.ReadAll(tr)
		if hdr.Typeflag != w.typ || hdr.Linkname != w.link || string(body) != w.content {
			t.Errorf("entry %d: type %c link %q content %q; want %c %q %q", i, hdr.Typeflag, hdr.Linkname, body, w.typ, w.link, w.content)
		}
	}
	if _, err := tr.Next(); err != io.EOF {
		t.Errorf("after the last entry: %v", err)
	}
}

func TestWriteEntryMissingFile(t *testing.T) {
	tw := tar.NewWriter(io.Discard)
	hdr := &tar.Header{Typeflag: tar.TypeReg, Name: "gone", Size: 1}
	if err := WriteEntry(tw, hdr, filepath.Join(t.TempDir(), "gone")); !os.IsNotExist(err) {
		t.Errorf("err %v, want not exist", err)
	}
}
