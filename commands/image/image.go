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
		// Without a subcommand the reference shows the help on stderr.
		RunE: func(cmd *cobra.Command, args []string) error {
			cmd.SetOut(c.Err)
			return cmd.Help()
		},
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
		newPruneCommand(c),
	)
	return cmd
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
