package commands

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/completion"
	"github.com/dockerclone/docker/config"
)

// NewRootCommand builds the whole command tree for c, as `docker` runs it,
// for tools such as the man page generator. It reads no file and opens no
// socket.
func NewRootCommand(c *cli.CLI) *cobra.Command { return newRootCommand(c, "", false) }

// newRootCommand builds the tree: with only set to a root command's name,
// that command alone (see addCommands), with its completions when the run is
// a shell's completion request. It reads no file and opens no socket.
func newRootCommand(c *cli.CLI, only string, completing bool) *cobra.Command {
	root := &cobra.Command{
		Use:                   "docker [OPTIONS] COMMAND [ARG...]",
		Short:                 "A self-sufficient runtime for containers",
		SilenceUsage:          true,
		SilenceErrors:         true,
		TraverseChildren:      true,
		DisableFlagsInUseLine: true,
		Args: func(cmd *cobra.Command, args []string) error {
			if c.Opts.Version {
				return nil // the reference prints the version whatever follows
			}
			return rootArgs(cmd, args)
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if c.Opts.Version {
				fmt.Fprintf(c.Out, "Docker version %s, build %s\n", cli.Version, cli.GitCommit)
				return nil
			}
			// Bare `docker` shows the help on stderr, as the reference does.
			cmd.SetOut(c.Err)
			return cmd.Help()
		},
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			return cli.CheckGlobalOptions(&c.Opts)
		},
		CompletionOptions: cobra.CompletionOptions{
			HiddenDefaultCmd:    true,
			DisableDescriptions: os.Getenv("DOCKER_CLI_DISABLE_COMPLETION_DESCRIPTION") != "",
		},
	}
	root.SetIn(c.In)
	root.SetOut(c.Out)
	root.SetErr(c.Err)
	addGlobalFlags(c, root)
	root.SetFlagErrorFunc(flagError)
	setupHelp(c, root)

	one := addCommands(c, root, only)
	root.InitDefaultHelpCmd()
	if one && !completing {
		// A run of one command: no shell completion is asked for (`docker
		// completion` and the shell's requests for a command's name build
		// the whole tree), so none is set up.
		root.CompletionOptions.DisableDefaultCmd = true
	} else {
		root.InitDefaultCompletionCmd()
		completion.Install(c, root)
	}
	finishTree(c, root)
	cli.InstallAPIGates(c, root) // last: it wraps the help and flag-error functions set above
	return root
}

// addGlobalFlags declares the global options on the root alone, as the
// reference does: they go before the command (docker -H x ps), which leaves
// their shorthands free for commands (history -H, run -v, import -c).
func addGlobalFlags(c *cli.CLI, root *cobra.Command) {
	c.Opts.AddFlags(root.Flags(), config.Dir(""))
	if f := root.Flags().Lookup("host"); f != nil && f.DefValue == "[]" {
		f.DefValue = "" // an empty list shows no default
	}
}

// rootArgs reports an unknown command the way the reference does.
func rootArgs(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	return cli.Errorf(1, "docker: unknown command: docker %s\n\nRun 'docker --help' for more information", args[0])
}

// globalFlagError is flagError for the global flags, parsed before the tree exists.
func globalFlagError(err error) error {
	return cli.Errorf(125, "%s\n\nUsage:  docker [OPTIONS] COMMAND [ARG...]\n\nRun 'docker --help' for more information", err)
}

// unsetFlagDefaults empties the default (and value) of the named root
// flags, so help shows none (see cli.Preflight.UnsetTLSDefaults).
func unsetFlagDefaults(root *cobra.Command, names []string) {
	for _, n := range names {
		if f := root.Flags().Lookup(n); f != nil {
			f.DefValue = ""
			_ = f.Value.Set("")
		}
	}
}

// flagError turns a flag parse failure into the reference's usage error (125).
func flagError(cmd *cobra.Command, err error) error {
	return cli.Errorf(125, "%s\n\nUsage:  %s\n\nRun '%s --help' for more information", err, cmd.UseLine(), cmd.CommandPath())
}
