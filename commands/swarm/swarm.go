// Package swarm holds the commands that create, join and configure a swarm
// (docker swarm ...).
package swarm

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
)

// Group is `docker swarm`.
func Group(c *cli.CLI) *cobra.Command {
	return cli.SwarmGroup("swarm", "Manage Swarm", "any",
		newCACommand(c), newInitCommand(c), newJoinCommand(c), newJoinTokenCommand(c),
		newLeaveCommand(c), newUnlockCommand(c), newUnlockKeyCommand(c), newUpdateCommand(c))
}

// Entries is the group under the root.
func Entries() []cli.Entry {
	return []cli.Entry{{Name: "swarm", Build: Group}}
}

// rotateOptions are the flags of join-token and unlock-key: --rotate and -q.
type rotateOptions struct{ rotate, quiet bool }

func (o *rotateOptions) addFlags(cmd *cobra.Command, rotateUsage string) {
	cmd.Flags().BoolVar(&o.rotate, "rotate", false, rotateUsage)
	cmd.Flags().BoolVarP(&o.quiet, "quiet", "q", false, "Only display token")
}

// inspectSwarm returns the client and the swarm as the manager has it (the
// spec an update sends back, at its version).
func inspectSwarm(ctx context.Context, c *cli.CLI) (*engine.Client, engine.Swarm, error) {
	client, err := c.Client(ctx)
	if err != nil {
		return nil, engine.Swarm{}, err
	}
	sw, err := client.SwarmInspect(ctx)
	return client, sw, err
}
