package swarm

import (
	"context"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
)

func newJoinTokenCommand(c *cli.CLI) *cobra.Command {
	var o rotateOptions
	cmd := cli.Command("join-token [OPTIONS] (worker|manager)", "Manage join tokens", cli.ExactArgs(1),
		func(cmd *cobra.Command, args []string) error { return runJoinToken(cmd.Context(), c, o, args[0]) })
	o.addFlags(cmd, "Rotate join token")
	return cmd
}

func runJoinToken(ctx context.Context, c *cli.CLI, o rotateOptions, role string) error {
	worker, manager := role == "worker", role == "manager"
	if !worker && !manager {
		return fmt.Errorf("unknown role %s", role)
	}
	client, sw, err := inspectSwarm(ctx, c)
	if err != nil {
		return err
	}
	if o.rotate {
		rotate := engine.SwarmRotate{WorkerToken: worker, ManagerToken: manager}
		if err := client.SwarmUpdate(ctx, sw.Version.Index, sw.Spec, rotate); err != nil {
			return err
		}
		if !o.quiet {
			fmt.Fprintf(c.Out, "Successfully rotated %s join token.\n\n", role)
		}
		if sw, err = client.SwarmInspect(ctx); err != nil {
			return err
		}
	}
	if o.quiet {
		if worker {
			fmt.Fprintln(c.Out, sw.JoinTokens.Worker)
		} else {
			fmt.Fprintln(c.Out, sw.JoinTokens.Manager)
		}
		return nil
	}
	state, err := client.SwarmState(ctx)
	if err != nil {
		return err
	}
	return printJoinCommand(ctx, c.Out, client, state.NodeID, worker, manager)
}

// printJoinCommand prints the commands that join this manager's swarm.
func printJoinCommand(ctx context.Context, out io.Writer, client *engine.Client, nodeID string, worker, manager bool) error {
	node, _, err := client.NodeInspect(ctx, nodeID)
	if err != nil {
		return err
	}
	sw, err := client.SwarmInspect(ctx)
	if err != nil {
		return err
	}
	if node.ManagerStatus == nil {
		return nil
	}
	addr := node.ManagerStatus.Addr
	if worker {
		fmt.Fprintf(out, "To add a worker to this swarm, run the following command:\n\n    docker swarm join --token %s %s\n\n", sw.JoinTokens.Worker, addr)
	}
	if manager {
		fmt.Fprintf(out, "To add a manager to this swarm, run the following command:\n\n    docker swarm join --token %s %s\n\n", sw.JoinTokens.Manager, addr)
	}
	return nil
}
