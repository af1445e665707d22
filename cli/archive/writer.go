package archive

import (
	"archive/tar"
	"io"
	"os"

	"github.com/dockerclone/docker/cli/engine"
)

// Writer is a tar.Writer whose files' content can go around it: when the
// stream it writes to is an engine.FileWriter (an upload straight to the
// engine's socket), each file is handed over whole, to be sent by the
// kernel, and the tar.Writer is only told how many bytes went, so that the
// headers, padding and trailer it writes are the same as for a copy.
type Writer struct {
	*tar.Writer
	files engine.FileWriter // nil: contents are copied through tar.Writer
	sink  *sink
}

// NewWriter writes a tar stream to w.
func NewWriter(w io.Writer) *Writer {
	fw, ok := w.(engine.FileWriter)
	if !ok {
		return &Writer{Writer: tar.NewWriter(w)}
	}
	s := &sink{w: w}
	return &Writer{Writer: tar.NewWriter(s), files: fw, sink: s}
}

// WriteEntry writes hdr, followed by the content of the file at path when
// hdr is a regular file with content (an empty file is not opened).
func (w *Writer) WriteEntry(hdr *tar.Header, path string) error {
	if err := w.WriteHeader(hdr); err != nil {
		return err
	}
	if hdr.Typeflag != tar.TypeReg || hdr.Size == 0 {
		return nil
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if w.files == nil {
		_, err = io.Copy(w.Writer, f)
		return err
	}
	return w.sendFile(f, hdr.Size)
}

// skipped stands for the content the tar.Writer is told of: it never
// reads it (the sink drops it), so these pages are never touched.
var skipped [1 << 20]byte

// sendFile hands the entry's content to the FileWriter and brings the
// tar.Writer to where a copy would have left it: the bytes sent counted,
// a failed stream its error too, a file longer than its header refused.
func (w *Writer) sendFile(f *os.File, size int64) error {
	n, err := w.files.WriteFile(f, size)
	w.sink.skip = true
	for left := n; left > 0; {
		k := min(left, int64(len(skipped)))
		_, _ = w.Writer.Write(skipped[:k])
		left -= k
	}
	w.sink.skip = false
	if err != nil {
		if _, werr := w.files.Write(nil); werr != nil {
			// The stream has failed: a write through the tar.Writer fails
			// with it, and so do the ones that follow (Close).
			w.sink.err = werr
			_, _ = w.Writer.Write(skipped[:1])
			w.sink.err = nil
		}
		return err
	}
	if n == size {
		var b [1]byte
		if k, _ := f.Read(b[:]); k > 0 {
			return tar.ErrWriteTooLong // grown since its header was written
		}
	}
	return nil
}

// sink is what the tar.Writer of a Writer writes to.
type sink struct {
	w    io.Writer
	skip bool  // drop what is written (content already sent)
	err  error // fail what is written
}

func (s *sink) Write(p []byte) (int, error) {
	switch {
	case s.err != nil:
		return 0, s.err
	case s.skip:
		return len(p), nil
	}
	return s.w.Write(p)
}
