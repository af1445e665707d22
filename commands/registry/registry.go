// Package registry holds `docker login` and `docker logout`: they check
// credentials through the engine and keep them in the configured store.
package registry

import (
	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
)

// TopLevel are the root commands `docker login` and `docker logout`.
func TopLevel(c *cli.CLI) []*cobra.Command {
	return []*cobra.Command{newLoginCommand(c), newLogoutCommand(c)}
}
