package manifest

import (
	"errors"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
)

func newRemoveCommand(c *cli.CLI) *cobra.Command {
	return cli.Command("rm MANIFEST_LIST [MANIFEST_LIST...]", "Delete one or more manifest lists from local storage",
		cli.RequiresMinArgs(1),
		func(cmd *cobra.Command, args []string) error { return runRemove(c, args) })
}

// runRemove deletes each local list; the failures are reported together.
func runRemove(c *cli.CLI, names []string) error {
	s := newStore(c)
	var failed []string
	for _, n := range names {
		ref, err := normalize(n)
		if err == nil {
			err = s.remove(ref.String())
		}
		if err != nil {
			failed = append(failed, err.Error())
		}
	}
	if len(failed) > 0 {
		return errors.New(strings.Join(failed, "\n"))
	}
	return nil
}
