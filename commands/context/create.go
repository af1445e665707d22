package context

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/config"
)

type createOptions struct {
	endpointOptions
	from string
}

func newCreateCommand(c *cli.CLI) *cobra.Command {
	var opts createOptions
	cmd := newEndpointCommand("create", "Create a context", &opts.endpointOptions, func() error { return runCreate(c, opts) })
	cmd.Flags().StringVar(&opts.from, "from", "", "create context from a named context")
	return cmd
}

func runCreate(c *cli.CLI, opts createOptions) error {
	if opts.from != "" && len(opts.docker) > 0 {
		return errors.New("cannot use --docker flag when --from is set")
	}
	store := c.Contexts()
	if err := config.ValidateContextName(opts.name); err != nil {
		return err
	}
	if store.Exists(opts.name) {
		return fmt.Errorf("context %q already exists", opts.name)
	}
	var (
		e   endpointOf
		err error
	)
	switch {
	case len(opts.docker) > 0:
		e, err = endpointFromFlag(opts.docker)
	default:
		// --from, or a copy of the context in use.
		from := opts.from
		if from == "" {
			if from, err = currentName(c); err != nil {
				return err
			}
		}
		e, err = loadContext(c, from)
		if err == nil && from == config.DefaultContextName {
			e.meta.Description = cli.DefaultContextDescription
		}
	}
	if err != nil {
		return err
	}
	e.meta.Name = opts.name
	if opts.description != "" {
		e.meta.Description = opts.description
	}
	if err := saveContext(store, e); err != nil {
		return err
	}
	fmt.Fprintln(c.Out, opts.name)
	notef(c, "Successfully created context %q", opts.name)
	return nil
}
