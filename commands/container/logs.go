package container

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/opts"
)

type logsOptions struct {
	follow, timestamps, details bool
	since, until, tail          string
}

func newLogsCommand(c *cli.CLI) *cobra.Command {
	var o logsOptions
	cmd := newCommand("logs [OPTIONS] CONTAINER", "Fetch the logs of a container", cli.ExactArgs(1),
		func(cmd *cobra.Command, args []string) error { return runLogs(cmd.Context(), c, o, args[0]) })
	f := cmd.Flags()
	f.BoolVarP(&o.follow, "follow", "f", false, "Follow log output")
	f.StringVar(&o.since, "since", "", `Show logs since timestamp (e.g. "2013-01-02T13:23:37Z") or relative (e.g. "42m" for 42 minutes)`)
	f.StringVar(&o.until, "until", "", `Show logs before a timestamp (e.g. "2013-01-02T13:23:37Z") or relative (e.g. "42m" for 42 minutes)`)
	cli.MinAPI(f, "1.35", "until")
	f.BoolVarP(&o.timestamps, "timestamps", "t", false, "Show timestamps")
	f.BoolVar(&o.details, "details", false, "Show extra details provided to logs")
	f.StringVarP(&o.tail, "tail", "n", "all", "Number of lines to show from the end of the logs")
	return cmd
}

// runLogs inspects the container first: a TTY container's log is raw bytes,
// any other is multiplexed and split onto stdout and stderr.
func runLogs(ctx context.Context, c *cli.CLI, o logsOptions, name string) error {
	client, id, err := clientFor(ctx, c, name)
	if err != nil {
		return err
	}
	info, _, err := client.ContainerInspect(ctx, id, false)
	if err != nil {
		return err
	}
	now := time.Now()
	since, err := opts.Timestamp(o.since, now)
	if err != nil {
		return fmt.Errorf(`invalid value for "since": %w`, err)
	}
	until, err := opts.Timestamp(o.until, now)
	if err != nil {
		return fmt.Errorf(`invalid value for "until": %w`, err)
	}
	body, err := client.ContainerLogs(ctx, info.ID, engine.LogsOptions{
		Follow: o.follow, Timestamps: o.timestamps, Details: o.details,
		Tail: o.tail, Since: since, Until: until,
	})
	if err != nil {
		return err
	}
	defer body.Close()

	// A follower or a person watching must see each chunk as it comes; a
	// pipe gets large blocks. (Reading a big log in large batches is the
	// engine's business: see engine.Client.ContainerLogs.)
	live := o.follow || c.Out.IsTerminal()
	if info.Config != nil && info.Config.Tty {
		err = logsCopyRaw(c.Out, body, live)
	} else {
		_, err = engine.StdCopier{Out: logsFlushing{c.Out}, Err: logsFlushing{c.Err}, Live: live}.Copy(body)
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	return err
}

// logsFlushing passes each block the demultiplexer writes (it writes when the
// stream switches between stdout and stderr, or its buffer is full) straight
// through, so the two streams keep their relative order like the reference's.
type logsFlushing struct{ o *cli.Out }

func (w logsFlushing) Write(p []byte) (int, error) {
	n, err := w.o.Write(p)
	if err == nil {
		err = w.o.Flush()
	}
	return n, err
}

func (w logsFlushing) Flush() error { return w.o.Flush() }

// logsCopyRaw copies a TTY log; live flushes after every read.
func logsCopyRaw(out *cli.Out, body io.Reader, live bool) error {
	if !live {
		_, err := io.Copy(out, body)
		return err
	}
	return out.CopyFlushing(body)
}
