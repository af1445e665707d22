// Package manifest holds `docker manifest`: manifest lists kept under the
// config directory, inspected and pushed by talking to registries directly.
package manifest

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
)

// Group is `docker manifest`.
func Group(c *cli.CLI) *cobra.Command {
	cmd := cli.NewGroup("manifest COMMAND", "Manage Docker image manifests and manifest lists",
		newAnnotateCommand(c), newCreateCommand(c), newInspectCommand(c), newPushCommand(c), newRemoveCommand(c))
	cmd.Long = "The **docker manifest** command has subcommands for managing image manifests and\n" +
		"manifest lists. A manifest list allows you to use one name to refer to the same image\n" +
		"built for multiple architectures.\n\n" +
		"To see help for a subcommand, use:\n\n    docker manifest CMD --help\n\n" +
		"For full details on using docker manifest lists, see the registry v2 specification.\n"
	// Run alone, the group's help (on stderr) follows an empty line.
	cmd.PreRun = func(cmd *cobra.Command, args []string) { fmt.Fprintln(c.Err) }
	for _, each := range append([]*cobra.Command{cmd}, cmd.Commands()...) {
		if each.Annotations == nil {
			each.Annotations = map[string]string{}
		}
		each.Annotations[cli.AnnotationExperimentalCLI] = ""
	}
	return cmd
}

// Entries is the root command `docker manifest`.
func Entries() []cli.Entry { return []cli.Entry{{Name: "manifest", Build: Group}} }

// addInsecureFlag declares --insecure for the commands that fetch from a
// registry (fetchRemote).
func addInsecureFlag(cmd *cobra.Command, insecure *bool) {
	cmd.Flags().BoolVar(insecure, "insecure", false, "Allow communication with an insecure registry")
}
