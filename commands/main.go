// Package commands wires every command group under the root command and is
// the one place where errors become exit codes.
package commands

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/cliplugins"
)

// Main runs the CLI with args and returns the process exit code.
func Main(args []string, s cli.Streams) int {
	// Like the reference: global flags first, then the config file (its
	// warning shows for every command, help included), then the command.
	pre := cli.ParseGlobalFlags(args)
	if err := pre.Check(); err != nil {
		return exitCode(s, err)
	}
	c := cli.New(s)
	c.Opts.ConfigDir = pre.Opts.ConfigDir
	c.Config()
	if pre.ParseErr != nil {
		return exitCode(s, globalFlagError(pre.ParseErr))
	}
	if _, _, err := buildkitEnv(); err != nil {
		return exitCode(s, err)
	}
	orig := args
	args = pre.Args
	if len(args) == 1 && (args[0] == "--version" || args[0] == "-v") {
		// Fast path: the most common scripted call needs no command tree.
		fmt.Fprintf(s.Out, "Docker version %s, build %s\n", cli.Version, cli.GitCommit)
		s.Out.Flush()
		s.Err.Flush()
		return 0
	}
	// A command that is not built in may be a CLI plugin: look for that
	// one name only, so other commands never pay for plugin discovery.
	saved := c.Opts
	c.Opts = pre.Opts
	if code, ok := dispatchPlugin(c, orig); ok {
		return code
	}
	c.Opts = saved // the tree declares the flags afresh (-H appends)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	sigs := handleSignals(c, cancel)
	defer signal.Stop(sigs.ch)

	var plugins []cliplugins.Plugin
	if wantsPluginList(args) {
		plugins = cliplugins.List(c.PluginDirs()) // before the tree resets c.Opts
	}
	name, completing := commandName(args), false
	if n := completedCommand(args); n != "" {
		name, completing = n, true
	}
	root := newRootCommand(c, name, completing)
	addPluginStubs(c, root, plugins)
	if completing && name == "bake" {
		addUnlistedBake(root)
	}
	helpNoticeOutput(c, root, pre.Help)
	unsetFlagDefaults(root, pre.UnsetTLSDefaults())
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	s.Out.Flush()
	if err == nil {
		s.Err.Flush()
		return 0
	}
	if sig := sigs.received(); sig != 0 && errors.Is(err, context.Canceled) {
		return 128 + int(sig)
	}
	return exitCode(s, err)
}

// exitCode prints err as the reference does and returns the exit status.
func exitCode(s cli.Streams, err error) int {
	var se *cli.StatusError
	if errors.As(err, &se) {
		if se.Msg != "" {
			fmt.Fprintln(s.Err, se.Msg)
		}
		s.Err.Flush()
		if se.Code == 0 {
			return 1
		}
		return se.Code
	}
	if msg := err.Error(); msg != "" {
		fmt.Fprintln(s.Err, msg)
	}
	s.Err.Flush()
	return 1
}

type signalState struct {
	ch   chan os.Signal
	last chan syscall.Signal
}

func (s *signalState) received() syscall.Signal {
	select {
	case sig := <-s.last:
		return sig
	default:
		return 0
	}
}

// handleSignals cancels the command on SIGINT/SIGTERM unless a command proxies
// signals itself (run, attach); three signals force an exit like the reference.
func handleSignals(c *cli.CLI, cancel context.CancelFunc) *signalState {
	st := &signalState{ch: make(chan os.Signal, 4), last: make(chan syscall.Signal, 1)}
	signal.Notify(st.ch, syscall.SIGINT, syscall.SIGTERM)
	go func() {
		n := 0
		for sig := range st.ch {
			if c.SignalsProxied() {
				continue
			}
			n++
			select {
			case st.last <- sig.(syscall.Signal):
			default:
			}
			cancel()
			if n >= 3 {
				c.Err.Flush()
				fmt.Fprint(os.Stderr, "\ngot 3 SIGTERM/SIGINTs, forcefully exiting\n")
				os.Exit(1)
			}
		}
	}()
	return st
}

// commandName is the root command a run asks for, or "" when the whole tree
// is needed (help, completion, no command, a "--" before the command).
// completedCommand is, for a shell's completion request (__complete
// WORD...), the root command whose arguments or flags are completed: the
// tree then needs that command alone (building every command and its
// completions was a third of a completion's CPU). "" when the word being
// completed is the command's name itself, or for any other run.
func completedCommand(args []string) string {
	if len(args) == 0 || args[0] != cobra.ShellCompRequestCmd && args[0] != cobra.ShellCompNoDescRequestCmd {
		return ""
	}
	words := args[1:]
	i := firstPositional(words)
	if i < 0 || i == len(words)-1 || i > 0 && words[i-1] == "--" {
		return ""
	}
	return words[i]
}

func commandName(args []string) string {
	i := firstPositional(args)
	if i < 0 || i > 0 && args[i-1] == "--" {
		return ""
	}
	switch args[i] {
	case "help", "completion", cobra.ShellCompRequestCmd, cobra.ShellCompNoDescRequestCmd:
		return ""
	}
	return args[i]
}
