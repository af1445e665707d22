package cli

import "github.com/dockerclone/docker/cli/format"

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
