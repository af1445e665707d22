package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

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

// InspectFunc fetches the object called name and adds it to w.
type InspectFunc func(ctx context.Context, client *engine.Client, w *format.Inspect, name string) error

// InspectEach is the run of every inspect command over engine objects: the
// format is checked before dialing, then add fetches each name and adds it
// to w; what was found is printed in argument order, the errors of the rest
// come after it.
func (c *CLI) InspectEach(ctx context.Context, spec string, names []string, add InspectFunc) error {
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

// InspectCommand is the "inspect" of a kind of engine object, with
// -f/--format; flags of its own are declared on the result.
func InspectCommand(c *CLI, use, short string, add InspectFunc) *cobra.Command {
	var spec string
	cmd := Command(use, short, RequiresMinArgs(1), func(cmd *cobra.Command, names []string) error {
		return c.InspectEach(cmd.Context(), spec, names, add)
	})
	cmd.Flags().StringVarP(&spec, "format", "f", "", format.InspectUsage)
	return cmd
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

// InspectOptions are the flags of the inspect commands of swarm objects.
type InspectOptions struct {
	Format string
	Pretty bool
}

// AddFlags declares -f/--format and --pretty.
func (o *InspectOptions) AddFlags(f *pflag.FlagSet) {
	f.StringVarP(&o.Format, "format", "f", "", format.InspectUsage)
	f.BoolVar(&o.Pretty, "pretty", false, "Print the information in a human friendly format")
}

// Inspector describes one inspect command: how to get an object and its
// JSON, how to add it to the output (template or JSON), how to print it
// with --pretty.
type Inspector[T any] struct {
	Get    func(client *engine.Client, ctx context.Context, name string) (T, []byte, error)
	Add    func(w *format.Inspect, v T, raw []byte) error
	Pretty func(ctx context.Context, out io.Writer, client *engine.Client, v *T)
}

// RunInspect prints the named objects. --pretty (which wins over --format)
// prints nothing unless every object was found.
func RunInspect[T any](ctx context.Context, c *CLI, o InspectOptions, names []string, in Inspector[T]) error {
	if !o.Pretty {
		return c.InspectEach(ctx, o.Format, names, func(ctx context.Context, client *engine.Client, w *format.Inspect, name string) error {
			v, raw, err := in.Get(client, ctx, name)
			if err != nil {
				return err
			}
			return in.Add(w, v, raw)
		})
	}
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	objects := make([]T, 0, len(names))
	for _, name := range names {
		v, _, err := in.Get(client, ctx, name)
		if err != nil {
			return err
		}
		objects = append(objects, v)
	}
	for i := range objects {
		in.Pretty(ctx, c.Out, client, &objects[i])
	}
	return nil
}

// NewInspectCommand is the "inspect" of a kind of swarm object, with
// --format and --pretty.
func NewInspectCommand[T any](c *CLI, use, short string, in Inspector[T]) *cobra.Command {
	var o InspectOptions
	cmd := Command(use, short, RequiresMinArgs(1), func(cmd *cobra.Command, args []string) error {
		return RunInspect(cmd.Context(), c, o, args, in)
	})
	o.AddFlags(cmd.Flags())
	return cmd
}
