package config

import (
	"fmt"
	"io"
	"io/fs"
	"os"
)

// maxFileSize bounds what is read of a file in the config directory
// (config.json, a context's meta.json and TLS files): a link to /dev/zero or
// a runaway file must not take all memory. Real ones are a few kilobytes.
const maxFileSize = 16 << 20

var errTooLarge = fmt.Errorf("file is larger than %d MiB", maxFileSize>>20)

// boundedReader fails with errTooLarge once more than n bytes were read.
type boundedReader struct {
	r io.Reader
	n int64
}

func newBoundedReader(r io.Reader) *boundedReader { return &boundedReader{r: r, n: maxFileSize} }

func (b *boundedReader) Read(p []byte) (int, error) {
	if b.n < 0 {
		return 0, errTooLarge
	}
	n, err := b.r.Read(p)
	b.n -= int64(n)
	if b.n < 0 {
		return 0, errTooLarge
	}
	return n, err
}

// readFile is os.ReadFile with the size bound; a file past it fails as
// "read <path>: file is larger than 16 MiB".
func readFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(newBoundedReader(f))
	if err == errTooLarge {
		return nil, &fs.PathError{Op: "read", Path: path, Err: err}
	}
	return b, err
}
