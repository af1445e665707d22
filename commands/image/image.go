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
	list := newListCommand(c)
	list.Use = "ls [OPTIONS] [REPOSITORY[:TAG]]"
	list.Aliases = []string{"list"}
	rm := newRemoveCommand(c)
	rm.Use = "rm [OPTIONS] IMAGE [IMAGE...]"
	rm.Aliases = []string{"remove"}
	cmd.AddCommand(
		list,
		rm,
		newPullCommand(c),
		newPushCommand(c),
		newTagCommand(c),
		newInspectCommand(c),
		newHistoryCommand(c),
		newImportCommand(c),
		newSaveCommand(c),
		newLoadCommand(c),
	)
	return cmd
}

// TopLevel are the shortcuts under the root: docker images, pull, push, tag,
// rmi, history, import, save, load.
func TopLevel(c *cli.CLI) []*cobra.Command {
	images := newListCommand(c)
	images.Annotations["category-top"] = "7"
	pull := newPullCommand(c)
	pull.Annotations["category-top"] = "5"
	push := newPushCommand(c)
	push.Annotations["category-top"] = "6"
	return []*cobra.Command{
		images, pull, push,
		newTagCommand(c),
		newRemoveCommand(c),
		newHistoryCommand(c),
		newImportCommand(c),
		newSaveCommand(c),
		newLoadCommand(c),
	}
}
