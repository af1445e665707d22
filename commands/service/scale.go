package service

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/service"
)

func newScaleCommand(c *cli.CLI) *cobra.Command {
	cmd, o := newServiceCommand(c, "scale SERVICE=REPLICAS [SERVICE=REPLICAS...]", "Scale one or multiple replicated services", scaleArgs, runScale)
	addWaitFlags(cmd, o)
	cli.MinAPI(cmd.Flags(), "1.29", "detach")
	return cmd
}

// scaleArgs wants at least one SERVICE=REPLICAS, and nothing else.
func scaleArgs(cmd *cobra.Command, args []string) error {
	if err := cli.RequiresMinArgs(1)(cmd, args); err != nil {
		return err
	}
	for _, a := range args {
		if !strings.Contains(a, "=") {
			return cli.Errorf(1, "invalid scale specifier '%s'.\nSee '%s --help'.\n\nUsage:  %s\n\n%s",
				a, cmd.CommandPath(), cmd.UseLine(), cmd.Short)
		}
	}
	return nil
}

// runScale sets the replica count of each service in turn, then follows
// those it scaled; failures are reported per service.
func runScale(ctx context.Context, c *cli.CLI, o *serviceOptions, args []string) error {
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	var failed []string
	var scaled []string
	for _, a := range args {
		name, count, _ := strings.Cut(a, "=")
		warnings, err := scale(ctx, client, name, count)
		if err != nil {
			failed = append(failed, name+": "+err.Error())
			continue
		}
		service.PrintWarnings(c, warnings)
		fmt.Fprintf(c.Out, "%s scaled to %s\n", name, count)
		scaled = append(scaled, name)
	}
	for _, name := range scaled {
		if err := o.wait(ctx, c, client, name); err != nil {
			failed = append(failed, name+": "+err.Error())
		}
	}
	if len(failed) > 0 {
		return errors.New(strings.Join(failed, "\n"))
	}
	return nil
}

// scale sets one service's replica count and returns the daemon's warnings.
func scale(ctx context.Context, client *engine.Client, name, count string) ([]string, error) {
	replicas, err := strconv.ParseUint(count, 10, 64)
	if err != nil {
		return nil, fmt.Errorf("invalid replicas value %s: %w", count, err)
	}
	svc, _, err := client.ServiceInspect(ctx, name, false)
	if err != nil {
		return nil, err
	}
	switch m := &svc.Spec.Mode; {
	case m.Replicated != nil:
		m.Replicated.Replicas = &replicas
	case m.ReplicatedJob != nil:
		m.ReplicatedJob.TotalCompletions = &replicas
	default:
		return nil, errors.New("scale can only be used with replicated or replicated-job mode")
	}
	return client.ServiceUpdate(ctx, svc.ID, svc.Version.Index, svc.Spec, engine.ServiceUpdateOptions{NoAuthFrom: true})
}
