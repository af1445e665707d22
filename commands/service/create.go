package service

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/service"
)

func newCreateCommand(c *cli.CLI) *cobra.Command {
	cmd, o := newServiceCommand(c, "create [OPTIONS] IMAGE [COMMAND] [ARG...]", "Create a new service", cli.RequiresMinArgs(1), runCreate)
	cmd.Flags().SetInterspersed(false)
	o.addFlags(cmd.Flags(), false)
	return cmd
}

// runCreate creates the service of args (the image, then the command and
// its arguments), prints its ID and, unless detached, follows it until it
// converged.
func runCreate(ctx context.Context, c *cli.CLI, o *serviceOptions, args []string) error {
	if err := checkMode(o.mode); err != nil {
		return err
	}
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	r, err := o.resolve(ctx, client)
	if err != nil {
		return err
	}
	spec := newSpec()
	spec.Name = o.name
	spec.TaskTemplate.ContainerSpec.Args = args[1:]
	if err := o.apply(&spec, r); err != nil {
		return err
	}
	auth, warning := o.pinImage(ctx, c, client, &spec.TaskTemplate, args[0])
	resp, err := client.ServiceCreate(ctx, spec, auth)
	if err != nil {
		return err
	}
	if warning != "" {
		resp.Warnings = append([]string{warning}, resp.Warnings...)
	}
	service.PrintWarnings(c, resp.Warnings)
	fmt.Fprintln(c.Out, resp.ID)
	return o.wait(ctx, c, client, resp.ID)
}

// pinImage puts image in the task spec, pinned to its digest (and its
// platforms) unless --no-resolve-image, and returns the registry auth to
// send (--with-registry-auth) and the warning when the registry could not
// be asked.
func (o *serviceOptions) pinImage(ctx context.Context, c *cli.CLI, client *engine.Client, t *engine.TaskSpec, image string) (auth, warning string) {
	if o.withRegistryAuth {
		auth = service.RegistryAuth(c, image)
	}
	t.ContainerSpec.Image = service.NormalizeImage(image)
	if o.noResolveImage {
		return auth, ""
	}
	img, warning := service.ResolveImage(ctx, client, image, auth)
	t.ContainerSpec.Image = img.Name
	if img.Platforms != nil {
		if t.Placement == nil {
			t.Placement = &engine.Placement{}
		}
		t.Placement.Platforms = img.Platforms
	}
	return auth, warning
}

// wait follows the service until it converged, unless --detach (or an
// engine too old to tell).
func (o *serviceOptions) wait(ctx context.Context, c *cli.CLI, client *engine.Client, name string) error {
	if o.detach || engine.VersionLess(client.APIVersion(ctx), "1.29") {
		return nil
	}
	return service.WaitConverged(ctx, c, client, name, o.quiet)
}
