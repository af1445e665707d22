// Package stack holds the commands that deploy and manage swarm stacks
// (docker stack ...), sets of services described by compose files.
package stack

import (
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/dockerclone/docker/cli"
)

// Group is `docker stack`.
func Group(c *cli.CLI) *cobra.Command {
	return cli.SwarmGroup("stack", "Manage Swarm stacks", "manager",
		newConfigCommand(c), newDeployCommand(c), newListCommand(c), newPSCommand(c), newRemoveCommand(c), newServicesCommand(c))
}

// Entries is the group under the root.
func Entries() []cli.Entry {
	return []cli.Entry{{Name: "stack", Build: Group}}
}

// addComposeFlag declares -c (deploy, config).
func addComposeFlag(f *pflag.FlagSet, files *[]string) {
	f.StringSliceVarP(files, "compose-file", "c", nil, `Path to a Compose file, or "-" to read from stdin`)
}
