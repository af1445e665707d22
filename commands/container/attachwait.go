package container

import (
	"context"
	"errors"
	"io"
	"strconv"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
)

// attachSpec says which of the terminal's streams to attach to a container.
type attachSpec struct {
	Stdin, Stdout, Stderr bool
	TTY                   bool   // one raw stream (stderr goes to stdout)
	DetachKeys            string // --detach-keys; "" for config or default
}

func (a attachSpec) any() bool { return a.Stdin || a.Stdout || a.Stderr }

// attachSession is the terminal attached to a container, the output copied
// in the background. Its methods are safe on a nil session (nothing attached).
type attachSession struct {
	conn    *engine.Hijacked
	done    chan error
	restore func()
}

// attachTerminal attaches the terminal's streams to the container and starts
// copying; with a TTY and stdin the terminal goes into raw mode.
func attachTerminal(ctx context.Context, c *cli.CLI, client *engine.Client, id string, a attachSpec) (*attachSession, error) {
	keysSpec, keys := detachKeys(c, a.DetachKeys)
	h, err := client.ContainerAttach(ctx, id, engine.AttachOptions{
		Stream: true, Stdin: a.Stdin, Stdout: a.Stdout, Stderr: a.Stderr, DetachKeys: keysSpec,
	})
	if err != nil {
		return nil, err
	}
	restore, err := setRawInput(ctx, c, a.TTY, a.Stdin)
	if err != nil {
		h.Close()
		return nil, err
	}
	s := ioStreams{TTY: a.TTY, Keys: keys}
	if a.Stdin {
		s.In = c.In
	}
	if a.Stdout {
		s.Out = c.Out
	}
	if a.Stderr {
		s.Err = c.Err
		if a.TTY {
			s.Err = c.Out
		}
	}
	sess := &attachSession{conn: h, done: make(chan error, 1), restore: restore}
	go func() { sess.done <- pipeStreams(ctx, h, s) }()
	return sess, nil
}

// wait blocks until the output has ended (or the user detached: errDetached)
// and gives the terminal back.
func (s *attachSession) wait() error {
	if s == nil {
		return nil
	}
	err := <-s.done
	s.restore()
	return err
}

// close gives the terminal back and drops the connection.
func (s *attachSession) close() {
	if s != nil {
		s.restore()
		s.conn.Close()
	}
}

// attachStartWait is what run and start -a share: attach the streams,
// register for the container's exit, start it (unless it already runs),
// follow the terminal's size, and once the output has ended pass the
// container's exit status on. Detaching ends it quietly. fail wraps the
// errors of the wait and the start (run turns them into exit 125).
func attachStartWait(ctx context.Context, c *cli.CLI, client *engine.Client, id string, a attachSpec,
	start, autoRemove bool, fail func(error) error) error {
	var sess *attachSession
	if a.any() {
		var err error
		if sess, err = attachTerminal(ctx, c, client, id, a); err != nil {
			return err
		}
		defer sess.close()
	}
	// Registered before the start so that a quick exit is not missed.
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	exit, err := waitForExit(ctx, c, client, id, autoRemove)
	if err != nil {
		sess.close()
		return fail(err)
	}
	if start {
		if err := client.ContainerStart(ctx, id); err != nil {
			sess.close()
			return fail(err)
		}
	}
	if a.TTY {
		initTTYSize(ctx, c, containerResizer(client, id))
	}
	if err := sess.wait(); err != nil {
		if isDetached(err) {
			return nil
		}
		return err
	}
	return exit()
}

func containerResizer(client *engine.Client, id string) resizer {
	return func(ctx context.Context, h, w uint) error { return client.ContainerResize(ctx, id, h, w) }
}

// exitWaiter blocks until the container has exited (and, with --rm, is gone)
// and returns the command's result: nil, the container's exit code as a
// StatusError without message, or an error.
type exitWaiter func() error

// waitForExit registers for the container's exit, before it is started, the
// way the engine allows:
//   - API 1.30 and later: POST /wait?condition=next-exit, or removed with --rm.
//     Podman answers a removed-wait with 0 whatever the exit code, so there
//     a next-exit wait gives the code and a removed-wait the end.
//   - Older engines know no condition and answer a wait at once if the
//     container is not running yet: follow its events, like the reference.
func waitForExit(ctx context.Context, c *cli.CLI, client *engine.Client, id string, autoRemove bool) (exitWaiter, error) {
	// Podman honours AutoRemove whatever the API version.
	podman := func() bool { p, err := client.Ping(ctx); return err == nil && p.LibpodVersion != "" }
	api := client.APIVersion(ctx)
	if engine.VersionLess(api, "1.30") {
		removeSelf := autoRemove && engine.VersionLess(api, "1.25") && !podman()
		return waitByEvents(ctx, c, client, id, autoRemove, removeSelf)
	}
	condition := "next-exit"
	if autoRemove {
		if podman() {
			return waitExitedAndRemoved(ctx, c, client, id)
		}
		condition = "removed"
	}
	wait, err := client.ContainerWait(ctx, id, condition)
	if err != nil {
		return nil, err
	}
	return func() error { return exitStatus(ctx, c, wait) }, nil
}

func waitExitedAndRemoved(ctx context.Context, c *cli.CLI, client *engine.Client, id string) (exitWaiter, error) {
	exited, err := client.ContainerWait(ctx, id, "next-exit")
	if err != nil {
		return nil, err
	}
	removed, err := client.ContainerWait(ctx, id, "removed")
	if err != nil {
		return nil, err
	}
	return func() error {
		status := exitStatus(ctx, c, exited)
		_, _ = removed() // only the end matters: its code is always 0
		return status
	}, nil
}

// waitByEvents follows the container's events (GET /events filtered on it,
// as the reference does) until it dies, or with --rm until it is destroyed
// (Podman says "remove"). Below API 1.25 Docker ignores AutoRemove, so
// with removeSelf the container is removed here once it died.
func waitByEvents(ctx context.Context, c *cli.CLI, client *engine.Client, id string, autoRemove, removeSelf bool) (exitWaiter, error) {
	f := engine.Filters{}
	f.Add("container", id)
	f.Add("type", "container")
	events, err := client.Events(ctx, engine.EventsOptions{Filters: f})
	if err != nil {
		return nil, err
	}
	return func() error {
		defer events.Close()
		code := 0
		for {
			m, err := events.Next()
			switch {
			case err != nil && ctx.Err() != nil:
				return ctx.Err()
			case err != nil:
				if errors.Is(err, io.EOF) {
					err = io.ErrUnexpectedEOF
				}
				return cli.Errorf(125, "error getting events from daemon: %s", err)
			}
			switch m.Action {
			case "die":
				code, _ = strconv.Atoi(m.Actor.Attributes["exitCode"])
				if !autoRemove {
					return exitCode(code)
				}
				if removeSelf {
					if err := client.ContainerRemove(ctx, id, engine.RemoveOptions{Volumes: true}); err != nil {
						c.LogError("error removing container: %v", err)
						return exitCode(code)
					}
				}
			case "destroy", "remove":
				return exitCode(code)
			}
		}
	}, nil
}

// exitStatus turns the wait result of run and start into the command's
// result. A wait that fails (the daemon died) is logged as the reference's
// logger does and gives 125; an interrupt is left to the caller.
func exitStatus(ctx context.Context, c *cli.CLI, wait func() (engine.WaitResult, error)) error {
	res, err := wait()
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		c.LogError("error waiting for container: %v", err)
		return &cli.StatusError{Code: 125}
	}
	return waitResult(res)
}

// waitResult is the command's result for a finished wait: an error the
// engine reports (exit 125) or the container's exit code.
func waitResult(res engine.WaitResult) error {
	if res.Error != nil && res.Error.Message != "" {
		return cli.Errorf(125, "%s", res.Error.Message)
	}
	return exitCode(res.StatusCode)
}

// exitCode passes a container's exit code through, with no message.
func exitCode(code int) error {
	if code != 0 {
		return &cli.StatusError{Code: code}
	}
	return nil
}
