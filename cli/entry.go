package cli

import "github.com/spf13/cobra"

// Entry is a root-level command and how to build it. A run builds only the
// entry it needs (docker ps builds ps alone); help, completion and unknown
// commands build them all.
type Entry struct {
	Name  string
	Build func(c *CLI) *cobra.Command
}

// NewGroup is a command group such as `docker container`: no arguments of
// its own, its help when run without a subcommand (the root sends that to
// stderr, as the reference does).
func NewGroup(use, short string, subcommands ...*cobra.Command) *cobra.Command {
	cmd := &cobra.Command{
		Use:   use,
		Short: short,
		Args:  NoArgs,
		RunE:  func(cmd *cobra.Command, args []string) error { return cmd.Help() },
	}
	cmd.AddCommand(subcommands...)
	return cmd
}
