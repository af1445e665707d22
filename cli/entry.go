package cli

import "github.com/spf13/cobra"

// Entry is a root-level command and how to build it. A run builds only the
// entry it needs (docker ps builds ps alone); help, completion and unknown
// commands build them all.
type Entry struct {
	Name  string
	Build func(c *CLI) *cobra.Command
}
