// Package image holds the image commands (docker image ...) and their
// top-level shortcuts (docker images, docker pull, ...).
package image

import (
	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
)

// Group is `docker image`.
func Group(c *cli.CLI) *cobra.Command {
	list := newListCommand(c)
	list.Use = "ls [OPTIONS] [REPOSITORY[:TAG]]"
	list.Aliases = []string{"list"}
	rm := newRemoveCommand(c)
	rm.Use = "rm [OPTIONS] IMAGE [IMAGE...]"
	rm.Aliases = []string{"remove"}
	return cli.NewGroup("image", "Manage images",
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
		newPruneCommand(c),
	)
}

// Entries are the group and the shortcuts under the root: docker images,
// pull, push, tag, rmi, history, import, save, load.
func Entries() []cli.Entry {
	return []cli.Entry{
		{Name: "image", Build: Group},
		{Name: "images", Build: common(newListCommand, "7")},
		{Name: "pull", Build: common(newPullCommand, "5")},
		{Name: "push", Build: common(newPushCommand, "6")},
		{Name: "tag", Build: newTagCommand},
		{Name: "rmi", Build: newRemoveCommand},
		{Name: "history", Build: newHistoryCommand},
		{Name: "import", Build: newImportCommand},
		{Name: "save", Build: newSaveCommand},
		{Name: "load", Build: newLoadCommand},
	}
}

// common places a shortcut in the root help's "Common Commands" at order.
func common(build func(*cli.CLI) *cobra.Command, order string) func(*cli.CLI) *cobra.Command {
	return func(c *cli.CLI) *cobra.Command {
		cmd := build(c)
		cmd.Annotations["category-top"] = order
		return cmd
	}
}
