package commands

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"text/template"

	"github.com/moby/term"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// Category annotations place a command in a section of the root help.
const (
	annotationTop     = "category-top" // value: order in "Common Commands"
	annotationAliases = "aliases"      // "docker container ls, docker ps"
)

func setupHelp(root *cobra.Command) {
	cobra.AddTemplateFunc("usageLine", usageLine)
	cobra.AddTemplateFunc("commonCommands", commonCommands)
	cobra.AddTemplateFunc("managementCommands", managementCommands)
	cobra.AddTemplateFunc("plainCommands", plainCommands)
	cobra.AddTemplateFunc("wrappedLocalFlags", func(c *cobra.Command) string { return wrapFlags(c.LocalFlags()) })
	cobra.AddTemplateFunc("wrappedGlobalFlags", func(c *cobra.Command) string { return wrapFlags(c.PersistentFlags()) })
	cobra.AddTemplateFunc("hasLocalFlags", func(c *cobra.Command) bool { return hasVisible(c.LocalFlags()) })
	cobra.AddTemplateFunc("cmdName", func(c *cobra.Command) string { return c.Name() })
	cobra.AddTemplateFunc("aliasesOf", func(c *cobra.Command) string { return c.Annotations[annotationAliases] })
	cobra.AddTemplateFunc("isRoot", func(c *cobra.Command) bool { return !c.HasParent() })
	cobra.AddTemplateFunc("padName", func(c *cobra.Command) string { return fmt.Sprintf("%-11s", c.Name()) })
	root.SetUsageTemplate(usageTemplate)
	root.SetHelpTemplate(helpTemplate)
	root.SetHelpCommand(newHelpCommand(root))
}

// newHelpCommand prints a command's help; unknown topics fail as the reference.
func newHelpCommand(root *cobra.Command) *cobra.Command {
	return &cobra.Command{
		Use:    "help [command]",
		Short:  "Help about the command",
		Hidden: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			target, rest, err := root.Find(args)
			if err != nil || target == nil || len(rest) > 0 {
				return fmt.Errorf("unknown help topic: %s", strings.Join(args, " "))
			}
			return target.Help()
		},
	}
}

func hasVisible(fs *pflag.FlagSet) bool {
	found := false
	fs.VisitAll(func(f *pflag.Flag) {
		if !f.Hidden {
			found = true
		}
	})
	return found
}

// wrapFlags wraps flag usages to the terminal width (80 when not a terminal).
func wrapFlags(fs *pflag.FlagSet) string {
	cols := 80
	if ws, err := term.GetWinsize(os.Stdout.Fd()); err == nil && ws.Width > 0 {
		cols = int(ws.Width)
	}
	return fs.FlagUsagesWrapped(cols - 1)
}

func sorted(cmds []*cobra.Command) []*cobra.Command {
	out := append([]*cobra.Command(nil), cmds...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Name() < out[j].Name() })
	return out
}

func commonCommands(c *cobra.Command) []*cobra.Command {
	var out []*cobra.Command
	for _, sub := range c.Commands() {
		if sub.IsAvailableCommand() && sub.Annotations[annotationTop] != "" {
			out = append(out, sub)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		return out[i].Annotations[annotationTop] < out[j].Annotations[annotationTop]
	})
	return out
}

func managementCommands(c *cobra.Command) []*cobra.Command {
	var out []*cobra.Command
	for _, sub := range sorted(c.Commands()) {
		if sub.IsAvailableCommand() && sub.HasSubCommands() && sub.Annotations[annotationTop] == "" {
			out = append(out, sub)
		}
	}
	return out
}

func plainCommands(c *cobra.Command) []*cobra.Command {
	var out []*cobra.Command
	for _, sub := range sorted(c.Commands()) {
		if sub.IsAvailableCommand() && !sub.HasSubCommands() && sub.Annotations[annotationTop] == "" {
			out = append(out, sub)
		}
	}
	return out
}

var _ = template.New

const usageTemplate = `Usage:  {{usageLine .}}
{{- if .HasAvailableSubCommands}}{{if not (isRoot .)}}{{end}}{{end}}

{{if .Long}}{{.Long}}{{else}}{{.Short}}{{end}}
{{- if aliasesOf .}}

Aliases:
  {{aliasesOf .}}
{{- end}}
{{- if .HasExample}}

Examples:
{{.Example}}
{{- end}}
{{- if commonCommands .}}

Common Commands:
{{- range commonCommands .}}
  {{padName .}} {{.Short}}
{{- end}}
{{- end}}
{{- if managementCommands .}}

Management Commands:
{{- range managementCommands .}}
  {{padName .}} {{.Short}}
{{- end}}
{{- end}}
{{- if plainCommands .}}

{{if isRoot .}}Commands:{{else}}Commands:{{end}}
{{- range plainCommands .}}
  {{padName .}} {{.Short}}
{{- end}}
{{- end}}
{{- if hasLocalFlags .}}

{{if isRoot .}}Global Options:{{else}}Options:{{end}}
{{wrappedLocalFlags . | trimTrailingWhitespaces}}
{{- end}}
{{- if .HasAvailableSubCommands}}

Run '{{.CommandPath}} COMMAND --help' for more information on a command.
{{- end}}
{{- if isRoot .}}

For more help on how to use Docker, head to https://docs.docker.com/go/guides/
{{- end}}
`

const helpTemplate = `{{.UsageString}}`
