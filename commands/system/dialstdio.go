package system

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
)

// newDialStdioCommand is the far end of the ssh transport: it connects to the
// local engine and relays raw bytes between that connection and stdio.
func newDialStdioCommand(c *cli.CLI) *cobra.Command {
	cmd := cli.Command("dial-stdio", "Proxy the stdio stream to the daemon connection. Should not be invoked manually.", cli.NoArgs,
		func(cmd *cobra.Command, _ []string) error { return runDialStdio(cmd.Context(), c) })
	cmd.Hidden = true
	return cmd
}

func runDialStdio(ctx context.Context, c *cli.CLI) error {
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	conn, err := client.DialRaw(ctx)
	if err != nil {
		return fmt.Errorf("failed to open the raw stream connection: %w", dialCause(err))
	}
	defer conn.Close()
	return relay(ctx, conn, c.In, c.Out)
}

// relay copies in -> conn and conn -> out. The end of in half-closes the
// connection so the engine sees EOF while its reply still flows; the relay
// is over when the engine closes its side.
func relay(ctx context.Context, conn net.Conn, in io.Reader, out *cli.Out) error {
	upErr := make(chan error, 1)
	go func() {
		_, err := io.Copy(conn, in)
		if err == nil {
			err = closeWrite(conn)
		}
		upErr <- err
	}()
	downErr := make(chan error, 1)
	go func() {
		err := out.CopyFlushing(conn)
		if errors.Is(err, net.ErrClosed) {
			err = nil // closed on our side: as good as its end
		}
		downErr <- err
	}()

	select {
	case err := <-downErr:
		return err
	case err := <-upErr:
		if err != nil {
			return err
		}
	case <-ctx.Done():
		return ctx.Err()
	}
	select {
	case err := <-downErr:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// dialCause digs the socket error out of the engine's "Cannot connect"
// wrapping: the ssh client shows it to the user as the remote's stderr.
func dialCause(err error) error {
	var ce *engine.ConnectionError
	if !errors.As(err, &ce) {
		return err
	}
	var op *net.OpError
	if errors.As(ce.Err, &op) && op.Err != nil {
		return op.Err
	}
	return ce.Err
}

// closeWrite half-closes conn when the transport allows it (unix, tcp, tls).
func closeWrite(conn net.Conn) error {
	if cw, ok := conn.(interface{ CloseWrite() error }); ok {
		return cw.CloseWrite()
	}
	return nil
}
