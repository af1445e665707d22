package container

import (
	"context"
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
)

type runOptions struct {
	flags      containerFlags
	detach     bool
	detachKeys string
	sigProxy   bool
}

func newRunCommand(c *cli.CLI) *cobra.Command {
	var o runOptions
	cmd := &cobra.Command{
		Use:   "run [OPTIONS] IMAGE [COMMAND] [ARG...]",
		Short: "Create and run a new container from an image",
		Args:  cli.RequiresMinArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runRun(cmd.Context(), c, cmd, &o, args[0], args[1:])
		},
		Annotations: map[string]string{
			"aliases":      "docker container run, docker run",
			"category-top": "1",
		},
	}
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

	condition := "next-exit"
	if f.autoRemove {
		condition = "removed"
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

	// Attach before start so no output is lost.
	var streamDone chan error
	restore := func() {}
	defer func() { restore() }()
	if body.AttachStdin || body.AttachStdout || body.AttachStderr {
		keysSpec, keys := detachKeys(c, o.detachKeys)
		h, err := client.ContainerAttach(ctx, id, engine.AttachOptions{
			Stream: true, Stdin: body.AttachStdin, Stdout: body.AttachStdout, Stderr: body.AttachStderr,
			DetachKeys: keysSpec,
		})
		if err != nil {
			return err
		}
		defer h.Close()
		if restore, err = setRawInput(ctx, c, body.Tty, body.AttachStdin); err != nil {
			return err
		}
		s := ioStreams{TTY: body.Tty, Keys: keys}
		if body.AttachStdin {
			s.In = c.In
		}
		if body.AttachStdout {
			s.Out = c.Out
		}
		if body.AttachStderr {
			if body.Tty {
				s.Err = c.Out
			} else {
				s.Err = c.Err
			}
		}
		streamDone = make(chan error, 1)
		go func() { streamDone <- pipeStreams(ctx, h, s) }()
	}

	// The wait is registered before start so a quick exit is not missed.
	wait, err := client.ContainerWait(ctx, id, condition)
	if err != nil {
		return usageFailure(cmd, err, true)
	}
	if err := client.ContainerStart(ctx, id); err != nil {
		restore()
		return usageFailure(cmd, err, true)
	}
	if body.Tty {
		initTTYSize(ctx, c, func(ctx context.Context, h, w uint) error { return client.ContainerResize(ctx, id, h, w) })
	}

	if streamDone != nil {
		if err := <-streamDone; err != nil {
			restore()
			if isDetached(err) {
				return nil
			}
			return err
		}
	}
	restore()
	return exitStatus(ctx, c, wait)
}

// exitStatus turns the wait result of run and start into the command's
// result: the container's exit code passes through with no message. A wait
// that fails (the daemon died) is logged as the reference's logger does and
// gives 125; an interrupt is left to the caller.
func exitStatus(ctx context.Context, c *cli.CLI, wait func() (engine.WaitResult, error)) error {
	res, err := wait()
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		logError(c, "error waiting for container: %v", err)
		return &cli.StatusError{Code: 125}
	}
	if res.Error != nil && res.Error.Message != "" {
		return cli.Errorf(125, "%s", res.Error.Message)
	}
	if res.StatusCode != 0 {
		return &cli.StatusError{Code: res.StatusCode}
	}
	return nil
}
