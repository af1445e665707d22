package context

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/config"
)

type createOptions struct {
	name        string
	description string
	docker      map[string]string
	from        string
}

func newCreateCommand(c *cli.CLI) *cobra.Command {
	var opts createOptions
	cmd := &cobra.Command{
		Use:   "create [OPTIONS] CONTEXT",
		Short: "Create a context",
		Long:  endpointLong("Create a context", "create"),
		Args:  cli.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.name = args[0]
			return runCreate(c, opts)
		},
	}
	fs := cmd.Flags()
	fs.StringVar(&opts.description, "description", "", "Description of the context")
	fs.StringToStringVar(&opts.docker, "docker", nil, "set the docker endpoint")
	fs.StringVar(&opts.from, "from", "", "create context from a named context")
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
