// Package builder holds the legacy builder's commands: docker build (also
// image build and builder build) over POST /build, and builder prune.
// Whether they run at all or buildx stands in is decided before the tree
// is built (commands/buildx.go).
package builder

import (
	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
)

// Group is `docker builder`.
func Group(c *cli.CLI) *cobra.Command {
	return cli.MinAPICommand(cli.NewGroup("builder", "Manage builds", NewBuildCommand(c), newPruneCommand(c)), "1.31")
}

// Entries are the group and `docker build`; `docker image build` is
// attached to the image group by the root's wiring.
func Entries() []cli.Entry {
	return []cli.Entry{
		{Name: "builder", Build: Group},
		{Name: "build", Build: func(c *cli.CLI) *cobra.Command {
			cmd := NewBuildCommand(c)
			cmd.Annotations["category-top"] = "4"
			return cmd
		}},
	}
}
