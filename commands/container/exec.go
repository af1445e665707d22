package container

import (
	"context"
	"os"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/opts"
)

type execOptions struct {
	detach      bool
	detachKeys  string
	env         *opts.List
	envFile     *opts.List
	interactive bool
	privileged  bool
	tty         bool
	user        string
	workdir     string
}

func newExecCommand(c *cli.CLI) *cobra.Command {
	o := execOptions{env: opts.NewList(opts.ValidateEnv), envFile: opts.NewList(nil)}
	cmd := newCommand("exec [OPTIONS] CONTAINER COMMAND [ARG...]", "Execute a command in a running container", cli.RequiresMinArgs(2),
		func(cmd *cobra.Command, args []string) error { return runExec(cmd.Context(), c, &o, args[0], args[1:]) })
	cmd.Annotations["category-top"] = "2"
	fs := cmd.Flags()
	fs.SetInterspersed(false)
	fs.BoolVarP(&o.detach, "detach", "d", false, "Detached mode: run command in the background")
	fs.StringVar(&o.detachKeys, "detach-keys", "", "Override the key sequence for detaching a container")
	fs.VarP(o.env, "env", "e", "Set environment variables")
	fs.Var(o.envFile, "env-file", "Read in a file of environment variables")
	fs.BoolVarP(&o.interactive, "interactive", "i", false, "Keep STDIN open even if not attached")
	fs.BoolVar(&o.privileged, "privileged", false, "Give extended privileges to the command")
	fs.BoolVarP(&o.tty, "tty", "t", false, "Allocate a pseudo-TTY")
	fs.StringVarP(&o.user, "user", "u", "", `Username or UID (format: "<name|uid>[:<group|gid>]")`)
	fs.StringVarP(&o.workdir, "workdir", "w", "", "Working directory inside the container")
	cli.MinAPI(fs, "1.25", "env", "env-file")
	cli.MinAPI(fs, "1.35", "workdir")
	return cmd
}

func runExec(ctx context.Context, c *cli.CLI, o *execOptions, container string, command []string) error {
	var env []string
	for _, path := range o.envFile.Values() {
		vars, err := opts.ReadEnvFile(path, os.LookupEnv)
		if err != nil {
			return err
		}
		env = append(env, vars...)
	}
	container, err := containerID(container)
	if err != nil {
		return err
	}
	env = append(env, o.env.Values()...)
	keysSpec, keys := detachKeys(c, o.detachKeys)
	cfg := engine.ExecConfig{
		User:         o.user,
		Privileged:   o.privileged,
		Tty:          o.tty,
		AttachStdin:  o.interactive && !o.detach,
		AttachStdout: !o.detach,
		AttachStderr: !o.detach,
		DetachKeys:   keysSpec,
		Env:          env,
		WorkingDir:   o.workdir,
		Cmd:          command,
	}
	var console *[2]uint
	if o.tty && c.Out.IsTerminal() {
		h, w := c.Out.Size()
		console = &[2]uint{h, w}
	}
	cfg.ConsoleSize = console

	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	// A missing container is reported before a TTY problem, and the TTY is
	// checked before an exec instance exists, so none is left behind.
	if _, _, err := client.ContainerInspect(ctx, container, false); err != nil {
		return err
	}
	if !o.detach {
		if err := checkTTY(c, cfg.AttachStdin, o.tty); err != nil {
			return err
		}
	}
	id, err := client.ExecCreate(ctx, container, cfg)
	if err != nil {
		return err
	}
	if o.detach {
		return client.ExecStart(ctx, id, engine.ExecStartConfig{Detach: true, Tty: o.tty, ConsoleSize: console})
	}

	h, err := client.ExecAttach(ctx, id, engine.ExecStartConfig{Tty: o.tty, ConsoleSize: console})
	if err != nil {
		return err
	}
	defer h.Close()
	restore, err := setRawInput(ctx, c, o.tty, cfg.AttachStdin)
	if err != nil {
		return err
	}
	defer restore()
	if o.tty {
		initTTYSize(ctx, c, func(ctx context.Context, h, w uint) error { return client.ExecResize(ctx, id, h, w) })
	}
	s := ioStreams{Out: c.Out, Err: c.Err, TTY: o.tty, Keys: keys}
	if o.tty {
		s.Err = c.Out
	}
	if cfg.AttachStdin {
		s.In = c.In
	}
	if err := pipeStreams(ctx, h, s); err != nil {
		restore()
		return err // detaching is reported: "read escape sequence", exit 1
	}
	restore()
	res, err := client.ExecInspect(ctx, id)
	if err != nil {
		if engine.IsConnectionFailed(err) {
			// The daemon died with the process: no status to give, and
			// the reference then exits 255 without a word.
			return &cli.StatusError{Code: 255}
		}
		return err
	}
	if res.ExitCode != 0 {
		return &cli.StatusError{Code: res.ExitCode}
	}
	return nil
}
