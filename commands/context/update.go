package context

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/config"
)

func newUpdateCommand(c *cli.CLI) *cobra.Command {
	var opts endpointOptions
	return newEndpointCommand("update", "Update a context", &opts, func() error { return runUpdate(c, opts) })
}

// runUpdate changes the description when one is given and replaces the
// whole docker endpoint (TLS files included) when --docker is given.
func runUpdate(c *cli.CLI, opts endpointOptions) error {
	if err := config.ValidateContextName(opts.name); err != nil {
		return err
	}
	store := c.Contexts()
	e, err := loadContext(c, opts.name)
	if err != nil {
		return err
	}
	if len(opts.docker) > 0 {
		ne, err := endpointFromFlag(opts.docker)
		if err != nil {
			return err
		}
		e.meta.Docker, e.tls = ne.meta.Docker, ne.tls
	}
	if opts.description != "" {
		e.meta.Description = opts.description
	}
	if err := store.Save(e.meta); err != nil {
		return err
	}
	if len(opts.docker) > 0 {
		if err := store.SaveTLS(opts.name, "docker", e.tls); err != nil {
			return err
		}
	}
	fmt.Fprintln(c.Out, opts.name)
	notef(c, "Successfully updated context %q", opts.name)
	return nil
}
