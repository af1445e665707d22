package container

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
)

func newStopCommand(c *cli.CLI) *cobra.Command {
	return newStopLikeCommand(c, "stop [OPTIONS] CONTAINER [CONTAINER...]", "Stop one or more running containers",
		(*engine.Client).ContainerStop)
}

// newStopLikeCommand is stop or restart: act runs on every container
// concurrently, with the flags' timeout and signal.
func newStopLikeCommand(c *cli.CLI, use, short string,
	act func(client *engine.Client, ctx context.Context, id string, timeout *int, signal string) error) *cobra.Command {
	var signal string
	var timeout int
	cmd := newCommand(use, short, cli.RequiresMinArgs(1), func(cmd *cobra.Command, args []string) error {
		// The timeout is sent only when given, so the daemon applies the
		// container's own StopTimeout otherwise.
		var t *int
		if cmd.Flags().Changed("timeout") || cmd.Flags().Changed("time") {
			t = &timeout
		}
		return c.RunEach(cmd.Context(), args, func(ctx context.Context, client *engine.Client, id string) error {
			return act(client, ctx, id, t, signal)
		}, nil)
	})
	f := cmd.Flags()
	f.StringVarP(&signal, "signal", "s", "", "Signal to send to the container")
	f.IntVarP(&timeout, "timeout", "t", 0, "Seconds to wait before killing the container")
	// --time is the old spelling, still accepted (with a notice) and hidden.
	f.IntVar(&timeout, "time", 0, "Seconds to wait before killing the container")
	_ = f.MarkDeprecated("time", "use --timeout instead")
	return cmd
}
