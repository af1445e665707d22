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
