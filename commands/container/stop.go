package container

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
)

// stopOptions are the flags of stop, which restart shares.
type stopOptions struct {
	signal     string
	timeout    int
	timeoutSet bool
}

func newStopCommand(c *cli.CLI) *cobra.Command {
	var opts stopOptions
	cmd := &cobra.Command{
		Use:         "stop [OPTIONS] CONTAINER [CONTAINER...]",
		Short:       "Stop one or more running containers",
		Args:        cli.RequiresMinArgs(1),
		Annotations: map[string]string{"aliases": "docker container stop, docker stop"},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.timeoutSet = cmd.Flags().Changed("timeout") || cmd.Flags().Changed("time")
			return runStop(cmd.Context(), c, opts, args)
		},
	}
	opts.addFlags(cmd)
	return cmd
}

func (o *stopOptions) addFlags(cmd *cobra.Command) {
	cmd.Flags().StringVarP(&o.signal, "signal", "s", "", "Signal to send to the container")
	cmd.Flags().IntVarP(&o.timeout, "timeout", "t", 0, "Seconds to wait before killing the container")
	// --time is the old spelling, still accepted (with a notice) and hidden.
	cmd.Flags().IntVar(&o.timeout, "time", 0, "Seconds to wait before killing the container")
	_ = cmd.Flags().MarkDeprecated("time", "use --timeout instead")
}

// timeoutArg is sent only when given, so the daemon applies the
// container's own StopTimeout otherwise.
func (o stopOptions) timeoutArg() *int {
	if !o.timeoutSet {
		return nil
	}
	return &o.timeout
}

// runStop stops every container concurrently.
func runStop(ctx context.Context, c *cli.CLI, opts stopOptions, names []string) error {
	timeout := opts.timeoutArg()
	return c.RunEach(ctx, names, func(ctx context.Context, client *engine.Client, id string) error {
		return client.ContainerStop(ctx, id, timeout, opts.signal)
	}, nil)
}
