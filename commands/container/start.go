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

type startOptions struct {
	attach        bool
	interactive   bool
	detachKeys    string
	checkpoint    string
	checkpointDir string
}

func newStartCommand(c *cli.CLI) *cobra.Command {
	var o startOptions
	cmd := newCommand("start [OPTIONS] CONTAINER [CONTAINER...]", "Start one or more stopped containers", cli.RequiresMinArgs(1),
		func(cmd *cobra.Command, args []string) error { return runStart(cmd.Context(), c, cmd, &o, args) })
	fs := cmd.Flags()
	fs.BoolVarP(&o.attach, "attach", "a", false, "Attach STDOUT/STDERR and forward signals")
	fs.StringVar(&o.checkpoint, "checkpoint", "", "Restore from this checkpoint")
	fs.StringVar(&o.checkpointDir, "checkpoint-dir", "", "Use a custom checkpoint storage directory")
	fs.StringVar(&o.detachKeys, "detach-keys", "", "Override the key sequence for detaching a container")
	fs.BoolVarP(&o.interactive, "interactive", "i", false, "Attach container's STDIN")
	cli.Experimental(fs, "checkpoint", "checkpoint-dir")
	return cmd
}

func runStart(ctx context.Context, c *cli.CLI, cmd *cobra.Command, o *startOptions, names []string) error {
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	if o.checkpoint != "" {
		// A restore is one container, its error bare, as the reference.
		if len(names) > 1 {
			return errors.New("you cannot restore multiple containers at once")
		}
		return client.ContainerStartCheckpoint(ctx, names[0], o.checkpoint, o.checkpointDir)
	}
	if (o.attach || o.interactive) && len(names) > 1 {
		return errors.New("you cannot start and attach multiple containers at once")
	}
	if o.attach || o.interactive {
		return startAttached(ctx, c, client, o, names[0])
	}
	return startEach(c, names, func(name string) error { return client.ContainerStart(ctx, name) })
}

// startEach starts the containers one after the other, printing each name
// started and each failure, and fails naming those that did not start.
func startEach(c *cli.CLI, names []string, start func(name string) error) error {
	var failed []string
	for _, name := range names {
		if err := start(name); err != nil {
			fmt.Fprintln(c.Err, err)
			c.Err.Flush()
			failed = append(failed, name)
			continue
		}
		fmt.Fprintln(c.Out, name)
	}
	if len(failed) > 0 {
		return fmt.Errorf("Error: failed to start containers: %s", strings.Join(failed, ", "))
	}
	return nil
}

// startAttached is start -a/-i: attach, register the wait, start, stream,
// and pass the exit code through.
func startAttached(ctx context.Context, c *cli.CLI, client *engine.Client, o *startOptions, name string) error {
	name, err := containerID(name)
	if err != nil {
		return err
	}
	ctr, _, err := client.ContainerInspect(ctx, name, false)
	if err != nil {
		return err
	}
	if ctr.Config == nil || ctr.State == nil {
		return fmt.Errorf("unexpected reply inspecting %s", name)
	}
	// Unlike run, start does not insist on a terminal for a TTY container;
	// signals are forwarded only without a TTY (with one, ^C is input).
	tty := ctr.Config.Tty
	if !tty {
		stop := proxySignals(ctx, c, client, ctr.ID)
		defer stop()
	}
	a := attachSpec{Stdin: o.interactive && ctr.Config.OpenStdin, Stdout: true, Stderr: true, TTY: tty, DetachKeys: o.detachKeys}
	autoRemove := ctr.HostConfig != nil && ctr.HostConfig.AutoRemove
	return attachStartWait(ctx, c, client, ctr.ID, a, !ctr.State.Running, autoRemove, func(err error) error { return err })
}
