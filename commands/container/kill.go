package container

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
)

type killOptions struct {
	signal string
}

func newKillCommand(c *cli.CLI) *cobra.Command {
	var opts killOptions
	cmd := &cobra.Command{
		Use:         "kill [OPTIONS] CONTAINER [CONTAINER...]",
		Short:       "Kill one or more running containers",
		Args:        cli.RequiresMinArgs(1),
		Annotations: map[string]string{"aliases": "docker container kill, docker kill"},
		RunE: func(cmd *cobra.Command, args []string) error {
			return runKill(cmd.Context(), c, opts, args)
		},
	}
	cmd.Flags().StringVarP(&opts.signal, "signal", "s", "", "Signal to send to the container")
	return cmd
}

// runKill signals every container concurrently; without -s the daemon sends
// SIGKILL.
func runKill(ctx context.Context, c *cli.CLI, opts killOptions, names []string) error {
	return c.RunEach(ctx, names, func(ctx context.Context, client *engine.Client, id string) error {
		return client.ContainerKill(ctx, id, opts.signal)
	}, nil)
}
