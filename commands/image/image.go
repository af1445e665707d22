// Package image holds the image commands (docker image ...) and their
// top-level shortcuts (docker images, docker pull, ...).
package image

import (
	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
)

// Group is `docker image`.
func Group(c *cli.CLI) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "image",
		Short: "Manage images",
		Args:  cli.NoArgs,
		RunE:  func(cmd *cobra.Command, args []string) error { return cmd.Help() },
	}
	return cmd
}

// TopLevel are the shortcuts under the root.
func TopLevel(c *cli.CLI) []*cobra.Command { return nil }
