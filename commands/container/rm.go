package container

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
)

type rmOptions struct {
	force, volumes, link bool
}

func newRmCommand(c *cli.CLI) *cobra.Command {
	var opts rmOptions
	cmd := cli.Command("rm [OPTIONS] CONTAINER [CONTAINER...]", "Remove one or more containers", cli.RequiresMinArgs(1),
		func(cmd *cobra.Command, args []string) error { return runRm(cmd.Context(), c, opts, args) },
		"docker container rm", "docker container remove", "docker rm")
	cmd.Aliases = []string{"remove"}
	f := cmd.Flags()
	f.BoolVarP(&opts.volumes, "volumes", "v", false, "Remove anonymous volumes associated with the container")
	f.BoolVarP(&opts.link, "link", "l", false, "Remove the specified link")
	f.BoolVarP(&opts.force, "force", "f", false, "Force the removal of a running container (uses SIGKILL)")
	return cmd
}

// runRm removes every container concurrently. With -f a container that does
// not exist is reported on stderr at once but does not fail the command.
func runRm(ctx context.Context, c *cli.CLI, opts rmOptions, names []string) error {
	o := engine.RemoveOptions{Force: opts.force, Volumes: opts.volumes, Link: opts.link}
	remove := func(ctx context.Context, client *engine.Client, name string) error {
		name = strings.Trim(name, "/")
		if name == "" {
			return errors.New("container name cannot be empty")
		}
		id, err := containerID(name)
		if err != nil {
			return err
		}
		return client.ContainerRemove(ctx, id, o)
	}
	var skip func(error) bool
	if opts.force {
		skip = func(err error) bool {
			if !engine.IsNotFound(err) {
				return false
			}
			fmt.Fprintln(c.Err, err)
			_ = c.Err.Flush()
			return true
		}
	}
	return c.RunEach(ctx, names, remove, skip)
}
