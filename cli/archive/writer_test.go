package archive

import (
	"archive/tar"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// failingBuffer fails as a closed pipe past failAfter bytes (when > 0).
type failingBuffer struct {
	bytes.Buffer
	failAfter int
	broken    bool
}

func (b *failingBuffer) fails(n int) bool {
	b.broken = b.broken || b.failAfter > 0 && b.Len()+n > b.failAfter
	return b.broken
}

func (b *failingBuffer) Write(p []byte) (int, error) {
	if b.fails(len(p)) {
		return 0, io.ErrClosedPipe
	}
	return b.Buffer.Write(p)
}

// fileSink is a FileWriter into memory, failing as a broken socket does.
type fileSink struct{ failingBuffer }

func (s *fileSink) WriteFile(f *os.File, size int64) (int64, error) {
	if s.fails(int(size)) {
		return 0, io.ErrClosedPipe
	}
	n, err := io.CopyN(&s.Buffer, f, size)
	if err == io.EOF {
		err = nil // a short file is no error
	}
	return n, err
}

// entries writes files (name → size on disk; the header says declared[name]
// when set) and returns what each step returned.
func entries(w *Writer, dir string, names []string, declared map[string]int64) string {
	var log bytes.Buffer
	for _, name := range names {
		path := filepath.Join(dir, name)
		fi, _ := os.Stat(path)
		hdr := &tar.Header{Name: name, Typeflag: tar.TypeReg, Mode: 0o644, Size: fi.Size()}
		if n, ok := declared[name]; ok {
			hdr.Size = n
		}
		fmt.Fprintf(&log, "%s: %v\n", name, w.WriteEntry(hdr, path))
	}
	fmt.Fprintf(&log, "close: %v\n", w.Close())
	return log.String()
}

// Through a FileWriter the stream and every error are what a copy through
// tar.Writer gives: the same bytes, a file longer or shorter than its
// header refused in the same way, a stream that fails failing the same.
func TestWriterSendsFilesAsACopyWould(t *testing.T) {
	dir := t.TempDir()
	names := []string{"a", "big", "empty", "odd", "z"}
	for i, name := range names {
		b := bytes.Repeat([]byte{byte('a' + i)}, map[string]int{"a": 1, "big": 3<<20 + 7, "empty": 0, "odd": 513, "z": 1024}[name])
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name      string
		declared  map[string]int64
		failAfter int
	}{
		{"as on disk", nil, 0},
		{"grown since its header", map[string]int64{"odd": 500}, 0},
		{"shrunk since its header", map[string]int64{"odd": 600}, 0},
		{"the stream fails in a file", nil, 2 << 20},
		{"the stream fails between files", nil, 1000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			copied := &failingBuffer{failAfter: tt.failAfter}
			copyLog := entries(&Writer{Writer: tar.NewWriter(copied)}, dir, names, tt.declared)
			sent := &fileSink{failingBuffer{failAfter: tt.failAfter}}
			w := NewWriter(sent)
			if w.files == nil {
				t.Fatal("a FileWriter is not used as one")
			}
			if sendLog := entries(w, dir, names, tt.declared); sendLog != copyLog {
				t.Errorf("sent:\n%s\ncopied:\n%s", sendLog, copyLog)
			}
			// (What follows a failure never reaches the daemon.)
			if tt.failAfter == 0 && !bytes.Equal(sent.Bytes(), copied.Bytes()) {
				t.Errorf("sent %d bytes, copied %d (or different bytes)", sent.Len(), copied.Len())
			}
		})
	}
}
