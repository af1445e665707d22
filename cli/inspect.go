package cli

import (
	"context"

	"github.com/dockerclone/docker/cli/engine"
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

// InspectEach is an inspect command over engine objects: the format is
// checked before dialing, then add fetches each name and adds it to w;
// what was found is printed in argument order, the errors of the rest come
// after it.
func (c *CLI) InspectEach(ctx context.Context, spec string, names []string,
	add func(ctx context.Context, client *engine.Client, w *format.Inspect, name string) error) error {
	w, err := c.NewInspect(spec)
	var client *engine.Client
	if err == nil {
		client, err = c.Client(ctx)
	}
	if err != nil {
		return err
	}
	return w.Each(names, func(name string) error { return add(ctx, client, w, name) })
}
