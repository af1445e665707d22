package container

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
)

type restartOptions struct {
	signal     string
	timeout    int
	timeoutSet bool
}

func newRestartCommand(c *cli.CLI) *cobra.Command {
	var opts restartOptions
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
	cmd.Flags().StringVarP(&opts.signal, "signal", "s", "", "Signal to send to the container")
	cmd.Flags().IntVarP(&opts.timeout, "timeout", "t", 0, "Seconds to wait before killing the container")
	// --time is the old spelling, still accepted (with a notice) and hidden.
	cmd.Flags().IntVar(&opts.timeout, "time", 0, "Seconds to wait before killing the container")
	_ = cmd.Flags().MarkDeprecated("time", "use --timeout instead")
	return cmd
}

func runRestart(ctx context.Context, c *cli.CLI, opts restartOptions, names []string) error {
	var timeout *int
	if opts.timeoutSet {
		timeout = &opts.timeout
	}
	return c.RunEach(ctx, names, func(ctx context.Context, client *engine.Client, id string) error {
		return client.ContainerRestart(ctx, id, timeout, opts.signal)
	}, nil)
}
