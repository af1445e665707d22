// Package trust holds `docker trust`: signatures of images kept by a
// notary server. inspect reads and verifies them; the commands that would
// sign (sign, revoke, signer, key) make the reference's client-side checks
// and reach the server as it does, reporting its errors the same way, but
// the signing itself is not implemented (cli/trust.ErrUnsupported once the
// server answers).
package trust

import (
	"context"
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/reference"
	"github.com/dockerclone/docker/cli/trust"
)

// Group is `docker trust`.
func Group(c *cli.CLI) *cobra.Command {
	key := cli.NewGroup("key", "Manage keys for signing Docker images",
		newKeyGenerateCommand(c), newKeyLoadCommand(c))
	signer := cli.NewGroup("signer", "Manage entities who can sign Docker images",
		newSignerAddCommand(c), newSignerRemoveCommand(c))
	return cli.NewGroup("trust", "Manage trust on Docker images",
		newInspectCommand(c), newRevokeCommand(c), newSignCommand(c), key, signer)
}

// Entries is the root command `docker trust`.
func Entries() []cli.Entry { return []cli.Entry{{Name: "trust", Build: Group}} }

// repository is named's repository on its notary server.
func repository(c *cli.CLI, named reference.Named) *trust.Repository {
	return trust.NewRepository(c.ConfigDir(), reference.Domain(named), named.Name())
}

// sign is where sign and signer add stop: "Error: " and the reference's
// error when the server cannot be reached, else trust.ErrUnsupported (a
// repository without trust data yet is one they would initialize).
func sign(ctx context.Context, c *cli.CLI, named reference.Named) error {
	err := repository(c, named).Reach(ctx)
	var none *trust.NoTrustDataError
	if err == nil || errors.As(err, &none) {
		err = trust.ErrUnsupported
	}
	return fmt.Errorf("Error: %w", err)
}

// cause is the error under "error contacting notary server: " or "remote
// trust data does not exist for GUN: ", which some commands print bare.
func cause(err error) error {
	if u := errors.Unwrap(err); u != nil {
		return u
	}
	return err
}
