package container

import (
	"context"
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
)

type runOptions struct {
	flags      containerFlags
	detach     bool
	detachKeys string
	sigProxy   bool
}

func newRunCommand(c *cli.CLI) *cobra.Command {
	var o runOptions
	cmd := newCommand("run [OPTIONS] IMAGE [COMMAND] [ARG...]", "Create and run a new container from an image", cli.RequiresMinArgs(1),
		func(cmd *cobra.Command, args []string) error {
			return runRun(cmd.Context(), c, cmd, &o, args[0], args[1:])
		})
	cmd.Annotations["category-top"] = "1"
	fs := cmd.Flags()
	fs.SetInterspersed(false)
	addContainerFlags(fs, &o.flags, `Pull image before running ("always", "missing", "never")`)
	fs.BoolVarP(&o.detach, "detach", "d", false, "Run container in background and print container ID")
	fs.StringVar(&o.detachKeys, "detach-keys", "", "Override the key sequence for detaching a container")
	fs.BoolVar(&o.sigProxy, "sig-proxy", true, "Proxy received signals to the process")
	return cmd
}

func runRun(ctx context.Context, c *cli.CLI, cmd *cobra.Command, o *runOptions, image string, args []string) error {
	f := &o.flags
	var console [2]uint
	if f.tty && c.Out.IsTerminal() {
		h, w := c.Out.Size()
		console = [2]uint{h, w}
	}
	req, err := prepareCreate(cmd, f, image, args, o.detach, console)
	if err != nil {
		return err
	}
	body := &req.Body
	if o.detach && f.attach.Len() > 0 {
		return errors.New("conflicting options: cannot specify both --attach and --detach")
	}
	if !o.detach {
		if err := checkTTY(c, body.AttachStdin, body.Tty); err != nil {
			return err
		}
	}
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	id, err := createContainer(ctx, c, client, f, req)
	if err != nil {
		return usageFailure(cmd, err, true)
	}

	if o.detach {
		// The ID is out before the start, so a failed start still names the container.
		fmt.Fprintln(c.Out, id)
		c.Out.Flush()
		if err := client.ContainerStart(ctx, id); err != nil {
			return usageFailure(cmd, err, true)
		}
		return nil
	}

	if o.sigProxy {
		stop := proxySignals(ctx, c, client, id)
		defer stop()
	}
	a := attachSpec{Stdin: body.AttachStdin, Stdout: body.AttachStdout, Stderr: body.AttachStderr,
		TTY: body.Tty, DetachKeys: o.detachKeys}
	return attachStartWait(ctx, c, client, id, a, true, f.autoRemove,
		func(err error) error { return usageFailure(cmd, err, true) })
}
