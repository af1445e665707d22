package archive

import (
	"archive/tar"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func TestWriteEntry(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string, mode os.FileMode) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), mode); err != nil {
			t.Fatal(err)
		}
	}
	write("file", "hello", 0o644)
	write("empty", "", 0o644)
	if err := os.Symlink("file", filepath.Join(dir, "link")); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	for _, name := range []string{"file", "empty", "link"} {
		path := filepath.Join(dir, name)
		fi, err := os.Lstat(path)
		if err != nil {
			t.Fatal(err)
		}
		hdr, err := FileHeader(path, fi)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		hdr.Name = name
		if err := WriteEntry(tw, hdr, path); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}

	want := []struct {
		name     string
		typeflag byte
		link     string
		content  string
	}{
		{"file", tar.TypeReg, "", "hello"},
		{"empty", tar.TypeReg, "", ""},
		{"link", tar.TypeSymlink, "file", ""},
	}
	tr := tar.NewReader(&buf)
	for _, w := range want {
		hdr, err := tr.Next()
		if err != nil {
			t.Fatalf("%s: %v", w.name, err)
		}
		content, _ := io.ReadAll(tr)
		if hdr.Name != w.name || hdr.Typeflag != w.typeflag || hdr.Linkname != w.link || string(content) != w.content {
			t.Errorf("entry %q type %c link %q content %q, want %q type %c link %q content %q",
				hdr.Name, hdr.Typeflag, hdr.Linkname, content, w.name, w.typeflag, w.link, w.content)
		}
	}
	if _, err := tr.Next(); err != io.EOF {
		t.Errorf("after the entries: %v, want EOF", err)
	}
}

func TestWriteEntryOpenFails(t *testing.T) {
	var buf bytes.Buffer
	hdr := &tar.Header{Name: "gone", Typeflag: tar.TypeReg, Size: 3, Mode: 0o644}
	err := WriteEntry(tar.NewWriter(&buf), hdr, filepath.Join(t.TempDir(), "gone"))
	if !os.IsNotExist(err) {
		t.Errorf("error = %v, want a missing file", err)
	}
}
