package container

import (
	"context"
	"errors"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
)

type attachOptions struct {
	noStdin    bool
	proxy      bool
	detachKeys string
}

func newAttachCommand(c *cli.CLI) *cobra.Command {
	var o attachOptions
	cmd := newCommand("attach [OPTIONS] CONTAINER", "Attach local standard input, output, and error streams to a running container",
		cli.ExactArgs(1), func(cmd *cobra.Command, args []string) error { return runAttach(cmd.Context(), c, &o, args[0]) })
	fs := cmd.Flags()
	fs.StringVar(&o.detachKeys, "detach-keys", "", "Override the key sequence for detaching a container")
	fs.BoolVar(&o.noStdin, "no-stdin", false, "Do not attach STDIN")
	fs.BoolVar(&o.proxy, "sig-proxy", true, "Proxy all received signals to the process")
	return cmd
}

func runAttach(ctx context.Context, c *cli.CLI, o *attachOptions, name string) error {
	client, name, err := clientFor(ctx, c, name)
	if err != nil {
		return err
	}
	ctr, _, err := client.ContainerInspect(ctx, name, false)
	if err != nil {
		return err
	}
	if ctr.State == nil || ctr.Config == nil {
		return errors.New("unexpected reply inspecting " + name)
	}
	switch {
	case !ctr.State.Running:
		return errors.New("You cannot attach to a stopped container, start it first")
	case ctr.State.Paused:
		return errors.New("You cannot attach to a paused container, unpause it first")
	case ctr.State.Restarting:
		return errors.New("You cannot attach to a restarting container, wait until it is running")
	}
	tty := ctr.Config.Tty
	a := attachSpec{Stdin: !o.noStdin && ctr.Config.OpenStdin, Stdout: true, Stderr: true, TTY: tty, DetachKeys: o.detachKeys}
	if err := checkTTY(c, a.Stdin, tty); err != nil {
		return err
	}
	// Registered first: the exit code of a container that ends while we are
	// attached is reported from it.
	wait, err := client.ContainerWait(ctx, ctr.ID, "")
	if err != nil {
		return err
	}
	if o.proxy && !tty {
		stop := proxySignals(ctx, c, client, ctr.ID)
		defer stop()
	}
	sess, err := attachTerminal(ctx, c, client, ctr.ID, a)
	if err != nil {
		return err
	}
	defer sess.close()
	if tty && c.Out.IsTerminal() {
		// One size off and back makes a full-screen program redraw.
		ht, wd := c.Out.Size()
		_ = client.ContainerResize(ctx, ctr.ID, ht+1, wd+1)
		initTTYSize(ctx, c, containerResizer(client, ctr.ID))
	}
	if err := sess.wait(); err != nil {
		return err // detaching is reported: "read escape sequence", exit 1
	}
	// Unlike run's, attach's wait error is reported as it is ("unexpected
	// EOF" when the daemon died).
	res, err := wait()
	if err != nil {
		return err
	}
	return waitResult(res)
}
