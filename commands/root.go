package commands

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/config"
)

// newRootCommand builds the whole tree. It reads no file and opens no socket.
func newRootCommand(c *cli.CLI) *cobra.Command {
	root := &cobra.Command{
		Use:                   "docker [OPTIONS] COMMAND [ARG...]",
		Short:                 "A self-sufficient runtime for containers",
		SilenceUsage:          true,
		SilenceErrors:         true,
		TraverseChildren:      true,
		DisableFlagsInUseLine: true,
		Args:                  rootArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if c.Opts.Version {
				fmt.Fprintf(c.Out, "Docker version %s, build %s\n", cli.Version, cli.GitCommit)
				return nil
			}
			return cmd.Help()
		},
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			return nil
		},
		CompletionOptions: cobra.CompletionOptions{HiddenDefaultCmd: true},
		Version:           "",
	}
	root.SetIn(c.In)
	root.SetOut(c.Out)
	root.SetErr(c.Err)
	c.Opts.AddFlags(root.PersistentFlags(), config.Dir(""))
	root.PersistentFlags().Lookup("help") // keep cobra's -h/--help default
	root.SetFlagErrorFunc(flagError)
	setupHelp(root)

	addCommands(c, root)
	return root
}

// rootArgs reports an unknown command the way the reference does.
func rootArgs(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	return cli.Errorf(1, "docker: unknown command: docker %s\n\nRun 'docker --help' for more information", args[0])
}

// flagError turns a flag parse failure into the reference's usage error (125).
func flagError(cmd *cobra.Command, err error) error {
	msg := err.Error()
	if isRunLike(cmd) {
		msg = "docker: " + msg
	}
	return cli.Errorf(125, "%s\n\nUsage:  %s\n\nRun '%s --help' for more information", msg, usageLine(cmd), cmd.CommandPath())
}

// isRunLike marks commands whose flag errors carry the "docker: " prefix.
func isRunLike(cmd *cobra.Command) bool {
	return cmd.Annotations["flag-error-prefix"] == "docker"
}

// usageLine is "docker ps [OPTIONS]"; groups get " COMMAND".
func usageLine(cmd *cobra.Command) string {
	line := cmd.UseLine()
	if cmd.HasAvailableSubCommands() && !strings.HasSuffix(line, "COMMAND") {
		line += " COMMAND"
	}
	if !cmd.HasParent() {
		return "docker [OPTIONS] COMMAND"
	}
	return line
}
