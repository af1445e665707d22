package commands

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/moby/term"
	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
)

// Annotations that place a command in a section of the help.
const (
	annotationTop     = "category-top" // value: position (1, 2, ...) in "Common Commands"
	annotationAliases = "aliases"      // "docker container ls, docker ps"
	annotationSwarm   = "swarm"        // any value: listed under "Swarm Commands"
)

// setupHelp makes every command print the reference's help layout. The width
// used to wrap flag descriptions is the terminal's on stdin (as the reference
// does), 80 columns otherwise.
func setupHelp(c *cli.CLI, root *cobra.Command) {
	width := func() int { return termWidth(c.In.FD()) }
	root.SetHelpFunc(func(cmd *cobra.Command, _ []string) {
		writeHelp(cmd.OutOrStdout(), cmd, width())
	})
	root.SetUsageFunc(func(cmd *cobra.Command) error {
		writeHelp(cmd.OutOrStderr(), cmd, width())
		return nil
	})
	root.SetHelpCommand(newHelpCommand(root))
}

func termWidth(fd uintptr) int {
	if ws, err := term.GetWinsize(fd); err == nil && ws.Width > 0 {
		return int(ws.Width)
	}
	return 80
}

// newHelpCommand is `docker help [command]`; unknown topics fail like the
// reference. Like the reference's, it completes nothing.
func newHelpCommand(root *cobra.Command) *cobra.Command {
	return &cobra.Command{
		Use:   "help [command]",
		Short: "Help about the command",
		RunE: func(cmd *cobra.Command, args []string) error {
			target, rest, err := root.Find(args)
			if err != nil || target == nil || len(rest) > 0 {
				return fmt.Errorf("unknown help topic: %s", strings.Join(rest, " "))
			}
			return target.Help()
		},
	}
}

// finishTree applies what every command shares once the tree is complete: no
// "[flags]" in use lines, a hidden --help (with a deprecated -h where the
// command does not use -h itself) and flag messages on stdout.
func finishTree(c *cli.CLI, root *cobra.Command) {
	// One value behind every --help, as the reference's single persistent
	// flag: `docker context --help ls` shows the help of ls.
	help := new(bool)
	visit(root, func(cmd *cobra.Command) {
		// The reference keeps cobra's "[flags]" on completion zsh|fish|powershell.
		cmd.DisableFlagsInUseLine = !keepsFlagsInUseLine(cmd)
		if cmd.HasParent() && cmd.HasSubCommands() && cmd.RunE != nil {
			// A group run without a subcommand shows its help on stderr.
			cmd.RunE = func(cmd *cobra.Command, args []string) error {
				cmd.SetOut(c.Err)
				return cmd.Help()
			}
		}
		fs := cmd.Flags()
		// Flag notices (a deprecated -h) go to stdout, but the root's to
		// stderr (see helpNoticeOutput).
		if cmd.HasParent() {
			fs.SetOutput(c.Out)
		} else {
			fs.SetOutput(c.Err)
		}
		if fs.Lookup("help") != nil {
			return
		}
		short := "h"
		if fs.ShorthandLookup("h") != nil || cmd.PersistentFlags().ShorthandLookup("h") != nil || inheritsShorthand(cmd, "h") {
			short = ""
		}
		fs.BoolVarP(help, "help", short, false, "Print usage")
		_ = fs.MarkHidden("help")
		if short != "" {
			_ = fs.MarkShorthandDeprecated("help", "use --help")
		}
	})
}

// helpNoticeOutput places the root's "Flag shorthand -h has been deprecated"
// notice as the reference does: on stderr when -h is among the global flags
// (docker -h, docker -D -h), on stdout, before the usage, when it follows a
// word that is no command or a "--" (docker foo -h).
func helpNoticeOutput(c *cli.CLI, root *cobra.Command, helpAmongGlobals bool) {
	if !helpAmongGlobals {
		root.Flags().SetOutput(c.Out)
	}
}

func keepsFlagsInUseLine(cmd *cobra.Command) bool {
	if cmd.Parent() == nil || cmd.Parent().Name() != "completion" || cmd.Parent().Parent() != cmd.Root() {
		return false
	}
	return cmd.Name() != "bash"
}

func inheritsShorthand(cmd *cobra.Command, s string) bool {
	for p := cmd.Parent(); p != nil; p = p.Parent() {
		if p.PersistentFlags().ShorthandLookup(s) != nil {
			return true
		}
	}
	return false
}

func visit(cmd *cobra.Command, fn func(*cobra.Command)) {
	fn(cmd)
	for _, sub := range cmd.Commands() {
		visit(sub, fn)
	}
}

// writeHelp renders a command's help: usage line, description, aliases,
// examples, command sections, options and closing hints.
func writeHelp(w io.Writer, cmd *cobra.Command, width int) {
	var b strings.Builder
	b.WriteString("Usage:  " + helpUsageLine(cmd) + "\n\n")
	desc := cmd.Long
	if desc == "" {
		desc = cmd.Short
	}
	b.WriteString(strings.TrimRight(desc, " \t\n") + "\n")
	if _, ok := cmd.Annotations[cli.AnnotationExperimentalCLI]; ok {
		b.WriteString("\nEXPERIMENTAL:\n  " + cmd.CommandPath() + experimentalNote)
	}
	if a := aliasesOf(cmd); a != "" {
		b.WriteString("\nAliases:\n  " + a + "\n")
	}
	if cmd.HasExample() {
		b.WriteString("\nExamples:\n" + strings.TrimRight(cmd.Example, " \t\n") + "\n")
	}
	for _, s := range commandSections(cmd) {
		if len(s.cmds) == 0 {
			continue
		}
		b.WriteString("\n" + s.title + ":\n")
		for _, sub := range s.cmds {
			name, text := displayName(sub), sub.Short
			if sub.Annotations[annotationPlugin] != "" {
				name += "*"
			} else if err := sub.Annotations[annotationInvalidPlugin]; err != "" {
				text = err
			}
			fmt.Fprintf(&b, "  %-*s%s\n", sub.NamePadding()+1, name, text)
		}
	}
	if flags := flagUsages(cmd.LocalFlags(), width-1); flags != "" {
		title := "Options:"
		if !cmd.HasParent() {
			title = "Global Options:"
		}
		b.WriteString("\n" + title + "\n" + flags)
	}
	if cmd.HasAvailableSubCommands() {
		b.WriteString("\nRun '" + cmd.CommandPath() + " COMMAND --help' for more information on a command.\n")
	}
	if !cmd.HasParent() {
		b.WriteString("\nFor more help on how to use Docker, head to https://docs.docker.com/go/guides/\n")
	}
	io.WriteString(w, b.String())
}

// helpUsageLine is the line after "Usage:" in help: groups show " COMMAND"
// (and the root " [OPTIONS]"); commands show their use line.
func helpUsageLine(cmd *cobra.Command) string {
	if !cmd.HasAvailableSubCommands() {
		return cmd.UseLine()
	}
	if !cmd.HasParent() {
		return cmd.CommandPath() + " [OPTIONS] COMMAND"
	}
	return cmd.CommandPath() + " COMMAND"
}

// aliasesOf is the annotation when set, else the command's path and its
// cobra aliases under the same parent.
func aliasesOf(cmd *cobra.Command) string {
	if a := cmd.Annotations[annotationAliases]; a != "" {
		return a
	}
	if len(cmd.Aliases) == 0 || !cmd.HasParent() {
		return ""
	}
	names := []string{cmd.CommandPath()}
	for _, a := range cmd.Aliases {
		names = append(names, cmd.Parent().CommandPath()+" "+a)
	}
	return strings.Join(names, ", ")
}

// experimentalNote follows "EXPERIMENTAL:\n  docker x" in help.
const experimentalNote = " is an experimental feature.\n" +
	"  Experimental features provide early access to product functionality. These\n" +
	"  features may change between releases without warning, or can be removed from a\n" +
	"  future release. Learn more about experimental features in our documentation:\n" +
	"  https://docs.docker.com/go/experimental/\n"

type section struct {
	title string
	cmds  []*cobra.Command
}

// commandSections splits the visible subcommands like the reference's root
// help: common (ordered by category-top; root only), management (groups and
// CLI plugins), swarm, the rest, then the plugins that are not valid.
func commandSections(cmd *cobra.Command) []section {
	var top, mgmt, swarm, plain, invalid []*cobra.Command
	for _, sub := range cmd.Commands() { // cobra keeps them sorted by name
		if sub.Annotations[annotationInvalidPlugin] != "" {
			invalid = append(invalid, sub)
			continue
		}
		if !sub.IsAvailableCommand() || sub.Annotations[annotationUnlisted] != "" {
			continue
		}
		switch {
		case sub.Annotations[annotationPlugin] != "":
			mgmt = append(mgmt, sub)
		case sub.Annotations[annotationTop] != "" && !cmd.HasParent():
			top = append(top, sub)
		case sub.Annotations[annotationSwarm] != "" && sub.HasSubCommands():
			swarm = append(swarm, sub)
		case sub.HasSubCommands():
			mgmt = append(mgmt, sub)
		default:
			plain = append(plain, sub)
		}
	}
	sort.SliceStable(top, func(i, j int) bool { return topRank(top[i]) < topRank(top[j]) })
	sort.SliceStable(invalid, func(i, j int) bool { return displayName(invalid[i]) < displayName(invalid[j]) })
	return []section{
		{"Common Commands", top},
		{"Management Commands", mgmt},
		{"Swarm Commands", swarm},
		{"Commands", plain},
		{"Invalid Plugins", invalid},
	}
}

// displayName is the name help shows: a renamed stub's plugin name.
func displayName(cmd *cobra.Command) string {
	if n := cmd.Annotations[annotationPluginName]; n != "" {
		return n
	}
	return cmd.Name()
}

// topRank is a command's position in Common Commands; fractions place an
// entry between two (bake after build).
func topRank(cmd *cobra.Command) float64 {
	n, err := strconv.ParseFloat(cmd.Annotations[annotationTop], 64)
	if err != nil {
		return 1 << 30
	}
	return n
}
