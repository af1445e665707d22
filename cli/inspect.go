package cli

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/dockerclone/docker/cli/format"
)

// NewInspect is format.NewInspect writing to c.Out. A --format that does not
// parse is refused before any request with exit status 64, as with the
// reference.
func (c *CLI) NewInspect(spec string) (*format.Inspect, error) {
	w, err := format.NewInspect(c.Out, spec)
	if err != nil {
		return nil, Errorf(64, "%v", err)
	}
	return w, nil
}

// FetchAll gets every named object, in order, for layouts that print
// nothing unless all were found (--pretty): the first error is returned.
func FetchAll[T any](names []string, get func(name string) (T, []byte, error)) ([]T, error) {
	out := make([]T, 0, len(names))
	for _, name := range names {
		v, _, err := get(name)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// ReadContent reads the file at path, or stdin for "-" (secret and config
// contents); empty content is refused.
func (c *CLI) ReadContent(path string) ([]byte, error) {
	var b []byte
	var err error
	if path == "-" {
		path = "STDIN"
		b, err = io.ReadAll(c.In)
	} else {
		b, err = os.ReadFile(path)
	}
	if err == nil && len(b) == 0 {
		err = errors.New("data is empty")
	}
	if err != nil {
		return nil, fmt.Errorf("error reading from %s: %w", path, err)
	}
	return b, nil
}
