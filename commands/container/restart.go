package container

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
)

func newRestartCommand(c *cli.CLI) *cobra.Command {
	var opts stopOptions
	cmd := &cobra.Command{
		Use:         "restart [OPTIONS] CONTAINER [CONTAINER...]",
		Short:       "Restart one or more containers",
		Args:        cli.RequiresMinArgs(1),
		Annotations: map[string]string{"aliases": "docker container restart, docker restart"},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.timeoutSet = cmd.Flags().Changed("timeout") || cmd.Flags().Changed("time")
			return runRestart(cmd.Context(), c, opts, args)
		},
	}
	opts.addFlags(cmd)
	return cmd
}

func runRestart(ctx context.Context, c *cli.CLI, opts stopOptions, names []string) error {
	timeout := opts.timeoutArg()
	return c.RunEach(ctx, names, func(ctx context.Context, client *engine.Client, id string) error {
		return client.ContainerRestart(ctx, id, timeout, opts.signal)
	}, nil)
}
