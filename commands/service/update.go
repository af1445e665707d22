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
	var o serviceOptions
	cmd := &cobra.Command{
		Use:   "update [OPTIONS] SERVICE",
		Short: "Update a service",
		Args:  cli.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runUpdate(cmd.Context(), c, &o, args[0])
		},
	}
	o.addFlags(cmd.Flags(), true)
	return cmd
}

// runUpdate changes what the flags say in the service's spec, sends the
// whole spec back, prints the name and, unless detached, follows the
// update until the service converged.
func runUpdate(ctx context.Context, c *cli.CLI, o *serviceOptions, name string) error {
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	svc, _, err := client.ServiceInspect(ctx, name, false)
	if err != nil {
		return err
	}
	r, err := o.resolve(ctx, client)
	if err != nil {
		return err
	}
	spec := svc.Spec
	if err := o.apply(&spec, r); err != nil {
		return err
	}
	var auth, warning string
	switch {
	case o.changed("image"):
		auth, warning = o.pinImage(ctx, c, client, &spec.TaskTemplate, o.image)
	case o.withRegistryAuth && spec.TaskTemplate.ContainerSpec != nil:
		auth = service.RegistryAuth(c, spec.TaskTemplate.ContainerSpec.Image)
	}
	warnings, err := client.ServiceUpdate(ctx, svc.ID, svc.Version.Index, spec, engine.ServiceUpdateOptions{Auth: auth, Rollback: o.rollback})
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
