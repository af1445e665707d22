package service

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/service"
)

func newUpdateCommand(c *cli.CLI) *cobra.Command {
	cmd, o := newServiceCommand(c, "update [OPTIONS] SERVICE", "Update a service", cli.ExactArgs(1),
		func(ctx context.Context, c *cli.CLI, o *serviceOptions, args []string) error {
			return sendUpdate(ctx, c, o, args[0], engine.ServiceUpdateOptions{Rollback: o.rollback}, o.change)
		})
	o.addFlags(cmd.Flags(), true)
	return cmd
}

// change writes what the flags say into the service's spec and returns the
// registry auth to send and the image's warning.
func (o *serviceOptions) change(ctx context.Context, c *cli.CLI, client *engine.Client, spec *engine.ServiceSpec) (auth, warning string, err error) {
	r, err := o.resolve(ctx, client)
	if err != nil {
		return "", "", err
	}
	if err := o.apply(spec, r); err != nil {
		return "", "", err
	}
	switch {
	case o.changed("image"):
		auth, warning = o.pinImage(ctx, c, client, &spec.TaskTemplate, o.image)
	case o.withRegistryAuth && spec.TaskTemplate.ContainerSpec != nil:
		auth = service.RegistryAuth(c, spec.TaskTemplate.ContainerSpec.Image)
	}
	return auth, warning, nil
}

// sendUpdate reads the service, lets change edit its spec (none: the spec
// goes back as it is), sends the whole spec back, prints the name and,
// unless detached, follows the service until it converged.
func sendUpdate(ctx context.Context, c *cli.CLI, o *serviceOptions, name string, uo engine.ServiceUpdateOptions,
	change func(context.Context, *cli.CLI, *engine.Client, *engine.ServiceSpec) (string, string, error)) error {
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	svc, _, err := client.ServiceInspect(ctx, name, false)
	if err != nil {
		return err
	}
	spec := svc.Spec
	var warning string
	if change != nil {
		if uo.Auth, warning, err = change(ctx, c, client, &spec); err != nil {
			return err
		}
	}
	warnings, err := client.ServiceUpdate(ctx, svc.ID, svc.Version.Index, spec, uo)
	if err != nil {
		return err
	}
	if warning != "" {
		warnings = append([]string{warning}, warnings...)
	}
	service.PrintWarnings(c, warnings)
	fmt.Fprintln(c.Out, name)
	return o.wait(ctx, c, client, name)
}
