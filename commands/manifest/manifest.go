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
	cmd := &cobra.Command{
		Use:   "manifest COMMAND",
		Short: "Manage Docker image manifests and manifest lists",
		Long: "The **docker manifest** command has subcommands for managing image manifests and\n" +
			"manifest lists. A manifest list allows you to use one name to refer to the same image\n" +
			"built for multiple architectures.\n\n" +
			"To see help for a subcommand, use:\n\n    docker manifest CMD --help\n\n" +
			"For full details on using docker manifest lists, see the registry v2 specification.\n",
		Args:        cli.NoArgs,
		Annotations: map[string]string{cli.AnnotationExperimentalCLI: ""},
		// Run alone, the group's help (on stderr) follows an empty line.
		PreRun: func(cmd *cobra.Command, args []string) { fmt.Fprintln(c.Err) },
		RunE:   func(cmd *cobra.Command, args []string) error { return cmd.Help() },
	}
	cmd.AddCommand(newAnnotateCommand(c), newCreateCommand(c), newInspectCommand(c), newPushCommand(c), newRemoveCommand(c))
	for _, sub := range cmd.Commands() {
		if sub.Annotations == nil {
			sub.Annotations = map[string]string{}
		}
		sub.Annotations[cli.AnnotationExperimentalCLI] = ""
	}
	return cmd
}

// Entries is the root command `docker manifest`.
func Entries() []cli.Entry { return []cli.Entry{{Name: "manifest", Build: Group}} }
