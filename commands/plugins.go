package commands

import (
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/cliplugins"
)

// Annotations of the stubs that stand for CLI plugins in help and completion.
const (
	annotationPlugin        = "plugin"         // a valid plugin: listed as "name*"
	annotationInvalidPlugin = "invalid-plugin" // value: why it is not valid
	annotationPluginName    = "plugin-name"    // an invalid stub's name when renamed
	annotationUnlisted      = "unlisted"       // completed, but not listed by help
)

// dispatchPlugin runs a CLI plugin when the command line asks for one:
// docker NAME (NAME not built in), docker help NAME, a completion request
// for NAME's arguments, and build/builder/bake when buildx stands in for
// the legacy builder. orig is the command line as typed: the plugin gets it
// whole, global flags included. Only the asked-for name is looked up (a
// stat per plugin directory), never a directory scan.
func dispatchPlugin(c *cli.CLI, orig []string) (code int, handled bool) {
	i := firstPositional(orig)
	if i < 0 {
		return 0, false
	}
	name := orig[i]
	switch name {
	case cobra.ShellCompRequestCmd, cobra.ShellCompNoDescRequestCmd:
		return completePlugin(c, orig[i:])
	case "help":
		return helpPlugin(c, orig, orig[i+1:])
	}
	if code, handled := dispatchBuild(c, orig, i); handled {
		return code, true
	}
	if isEntry(name) {
		return 0, false
	}
	p, ok := cliplugins.Find(c.PluginDirs(), name)
	if !ok || !p.Valid() {
		return 0, false
	}
	return runPlugin(c, p, pluginRun(c, orig, "docker "+name)), true
}

// runPlugin hands the terminal to the plugin and returns its exit status.
func runPlugin(c *cli.CLI, p cliplugins.Plugin, r cliplugins.Run) int {
	if i := firstPositional(r.Args); i > 0 && slices.Contains(r.Args[:i], "-h") {
		// The global -h before a plugin's name is parsed, and warned about, first.
		fmt.Fprintln(c.Err, "Flag shorthand -h has been deprecated, use --help")
	}
	c.Out.Flush()
	c.Err.Flush()
	code, err := r.Exec(p.Path)
	if err != nil {
		fmt.Fprintln(c.Err, err)
	}
	c.Err.Flush()
	return code
}

// pluginRun is what every plugin run shares: the real standard streams,
// the CLI's argv[0] and the debug flag.
func pluginRun(c *cli.CLI, args []string, commandPath string) cliplugins.Run {
	r := cliplugins.Run{
		Args:            args,
		CommandPath:     commandPath,
		OriginalCommand: os.Args[0],
		Stdin:           c.In.Reader,
		Stdout:          c.Out.Unwrap(),
		Stderr:          c.Err.Unwrap(),
		Terminal:        c.Out.IsTerminal(),
		ForcedExit:      func() { fmt.Fprintln(c.Err, cliplugins.ForcedExitMessage) },
	}
	if c.Opts.Debug {
		r.Env = append(r.Env, "DEBUG=1")
	}
	return r
}

// helpPlugin is `docker help NAME` for a plugin: the plugin gets the
// command line unchanged, and a failure is reported as its exit status.
func helpPlugin(c *cli.CLI, orig, topic []string) (int, bool) {
	j := firstPositional(topic)
	if j < 0 || isEntry(topic[j]) {
		return 0, false
	}
	p, ok := cliplugins.Find(c.PluginDirs(), topic[j])
	if !ok || !p.Valid() {
		return 0, false
	}
	r := pluginRun(c, orig, "docker "+p.Name)
	r.NoSocket = true // the reference runs a plugin's help without the CLI's socket
	if code := runPlugin(c, p, r); code != 0 {
		return exitCode(c.Streams, fmt.Errorf("exit status %d", code)), true
	}
	return 0, true
}

// completePlugin hands `__complete NAME ARGS...` to plugin NAME once its
// name is complete (a word follows it): the plugin completes its own
// arguments and prints the reply itself.
func completePlugin(c *cli.CLI, words []string) (int, bool) {
	j := firstPositional(words[1:]) + 1
	if j < 1 || j == len(words)-1 || isEntry(words[j]) {
		return 0, false
	}
	p, ok := cliplugins.Find(c.PluginDirs(), words[j])
	if !ok || !p.Valid() {
		return 0, false
	}
	r := pluginRun(c, append([]string{words[0]}, words[j:]...), "docker "+p.Name+" "+p.Name)
	r.OriginalCommand = p.Path // what the reference passes when completing
	r.NoSocket = true
	return runPlugin(c, p, r), true
}

// wantsPluginList reports whether the run shows the root's command list
// (root help, or completion of a command name), the only runs that list
// the plugin directories.
func wantsPluginList(args []string) bool {
	i := firstPositional(args)
	if i < 0 {
		return true
	}
	rest := args[i+1:]
	switch args[i] {
	case "help":
		return firstPositional(rest) < 0
	case cobra.ShellCompRequestCmd, cobra.ShellCompNoDescRequestCmd:
		if len(rest) == 0 {
			return true
		}
		return firstPositional(rest[:len(rest)-1]) < 0
	}
	return false
}

// addPluginStubs adds a command per plugin to the root, for help and
// completion: valid ones under Management Commands as "name*", invalid
// ones listed apart (and completed, as the reference completes them), and
// `bake`. An invalid plugin named like a command of the tree (docker-help)
// gets a hidden stub under another name of the same length, so that it
// never stands in for it.
func addPluginStubs(c *cli.CLI, root *cobra.Command, plugins []cliplugins.Plugin) {
	if plugins == nil {
		return
	}
	if !slices.ContainsFunc(plugins, func(p cliplugins.Plugin) bool { return p.Name == "buildx" && p.Valid() }) {
		// Without buildx the reference still completes bake (which then
		// says buildx is missing), but its help does not list it.
		addUnlistedBake(root)
	}
	for _, p := range plugins {
		stub := &cobra.Command{
			Use:                p.Name,
			Short:              p.ShortDescription,
			DisableFlagParsing: true,
			Annotations:        map[string]string{annotationPlugin: "true"},
			RunE:               stubRun(c, p, p.Name),
		}
		if !p.Valid() {
			stub.Annotations = map[string]string{annotationInvalidPlugin: p.Err}
			if slices.ContainsFunc(root.Commands(), func(cmd *cobra.Command) bool { return cmd.Name() == p.Name }) {
				stub.Hidden = true
				stub.Use = strings.ToUpper(p.Name[:1]) + p.Name[1:]
				stub.Annotations[annotationPluginName] = p.Name
			}
		} else if p.Name == "buildx" {
			root.AddCommand(bakeStub(c, p))
		}
		root.AddCommand(stub)
	}
}

// stubRun runs the plugin should a stub be executed (runs that build stubs
// dispatch nothing, but cobra may still resolve to one).
func stubRun(c *cli.CLI, p cliplugins.Plugin, words ...string) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, args []string) error {
		if !p.Valid() {
			return rootArgs(cmd, []string{p.Name})
		}
		if code := runPlugin(c, p, pluginRun(c, slices.Concat(words, args), cmd.CommandPath())); code != 0 {
			return &cli.StatusError{Code: code}
		}
		return nil
	}
}

// valueFlags are the global flags that take a separate value (-H x).
var valueFlags = map[string]bool{
	"--config": true, "--context": true, "-c": true, "--host": true, "-H": true,
	"--log-level": true, "-l": true, "--tlscacert": true, "--tlscert": true, "--tlskey": true,
}

// firstPositional is the index of the first argument that is not a global
// flag or its value (-1 if none). A "--" ends the flags.
func firstPositional(args []string) int {
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			if i+1 < len(args) {
				return i + 1
			}
			return -1
		case strings.HasPrefix(a, "--"):
			if valueFlags[a] {
				i++
			}
		case strings.HasPrefix(a, "-") && len(a) > 1:
			// A shorthand group such as -Dc takes a value when its last letter does.
			if valueFlags["-"+a[len(a)-1:]] {
				i++
			}
		default:
			return i
		}
	}
	return -1
}
