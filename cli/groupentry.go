package cli

import (
	"strings"

	"github.com/spf13/cobra"
)

// GroupEntry is the root entry of a command group without shortcuts
// (docker network): its name is use's first word, and the subcommands are
// built with the group.
func GroupEntry(use, short string, subcommands ...func(*CLI) *cobra.Command) Entry {
	name, _, _ := strings.Cut(use, " ")
	return Entry{Name: name, Build: func(c *CLI) *cobra.Command {
		cmd := NewGroup(use, short)
		for _, sub := range subcommands {
			cmd.AddCommand(sub(c))
		}
		return cmd
	}}
}
