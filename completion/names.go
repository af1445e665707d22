// Package completion attaches shell completion to the finished command tree:
// names fetched live from the engine (with a short timeout, silently empty
// when it cannot be reached), fixed flag values, and no file completion
// where a name is expected. The scripts themselves are cobra's
// (`docker completion bash|zsh|fish|powershell`).
package completion

import (
	"context"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
)

// Timeout bounds the engine requests of one completion: a shell waits for it.
var Timeout = 2 * time.Second

// Func is a completion function for arguments or flag values.
type Func = cobra.CompletionFunc

const noFile = cobra.ShellCompDirectiveNoFileComp

func engineContext() (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), Timeout)
}

// ContainerNames lists container names (without the leading "/"), with short
// IDs first when DOCKER_COMPLETION_SHOW_CONTAINER_IDS=yes. all includes
// stopped containers; keep, when set, filters them.
func ContainerNames(c *cli.CLI, all bool, keep func(cmd *cobra.Command, ctr engine.Container) bool) Func {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		names := containerNames(c, cmd, all, keep)
		return names, noFile
	}
}

func containerNames(c *cli.CLI, cmd *cobra.Command, all bool, keep func(*cobra.Command, engine.Container) bool) []string {
	ctx, cancel := engineContext()
	defer cancel()
	client, err := c.Client(ctx)
	if err != nil {
		return nil
	}
	list, err := client.ContainerList(ctx, engine.ListOptions{All: all})
	if err != nil {
		return nil
	}
	showIDs := os.Getenv("DOCKER_COMPLETION_SHOW_CONTAINER_IDS") == "yes"
	var out []string
	for _, ctr := range list {
		if keep != nil && !keep(cmd, ctr) {
			continue
		}
		if showIDs && len(ctr.ID) >= 12 {
			out = append(out, ctr.ID[:12])
		}
		for _, n := range ctr.Names {
			out = append(out, strings.TrimPrefix(n, "/"))
		}
	}
	return out
}

// ImageNames lists repo:tag of every tagged image.
func ImageNames(c *cli.CLI) Func {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		ctx, cancel := engineContext()
		defer cancel()
		client, err := c.Client(ctx)
		if err != nil {
			return nil, noFile
		}
		list, err := client.ImageList(ctx, engine.ImageListOptions{})
		if err != nil {
			return nil, noFile
		}
		var out []string
		for _, img := range list {
			for _, t := range img.RepoTags {
				if !strings.Contains(t, "<none>") {
					out = append(out, t)
				}
			}
		}
		return out, noFile
	}
}

// NetworkNames lists network names.
func NetworkNames(c *cli.CLI) Func {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		ctx, cancel := engineContext()
		defer cancel()
		client, err := c.Client(ctx)
		if err != nil {
			return nil, noFile
		}
		list, err := client.NetworkList(ctx, nil)
		if err != nil {
			return nil, noFile
		}
		out := make([]string, 0, len(list))
		for _, n := range list {
			out = append(out, n.Name)
		}
		return out, noFile
	}
}

// ContextNames lists "default" and the stored contexts; with describe, the
// current one is described as "current".
func ContextNames(c *cli.CLI, describe bool) Func {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		names := []string{"default"}
		if list, err := c.Contexts().List(); err == nil {
			for _, ctx := range list {
				if ctx.Name != "default" {
					names = append(names, ctx.Name)
				}
			}
		}
		if !describe {
			return names, noFile
		}
		current := c.CurrentContext()
		out := make([]cobra.Completion, 0, len(names))
		for _, n := range names {
			if n == current {
				out = append(out, cobra.CompletionWithDesc(n, "current"))
			} else {
				out = append(out, n)
			}
		}
		return out, noFile
	}
}

// Values completes a fixed list. Candidates ending in "=" or ":" expect more
// text, so the shell adds no space after a lone such match.
func Values(values ...string) Func {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		var out []string
		for _, v := range values {
			if strings.HasPrefix(v, toComplete) {
				out = append(out, v)
			}
		}
		dir := noFile
		if len(out) == 1 && expectsMore(out[0]) {
			dir |= cobra.ShellCompDirectiveNoSpace
		}
		return out, dir
	}
}

func expectsMore(v string) bool {
	return strings.HasSuffix(v, "=") || strings.HasSuffix(v, ":") || strings.HasSuffix(v, "-")
}

// EnvNames completes the names of the current environment's variables
// (for -e NAME, which passes the variable through).
func EnvNames(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
	var out []string
	for _, kv := range os.Environ() {
		if name, _, ok := strings.Cut(kv, "="); ok && name != "" {
			out = append(out, name)
		}
	}
	return out, noFile
}

// NoComplete offers nothing and no files: a name is expected that cannot be listed.
func NoComplete(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
	return nil, noFile
}

// firstArg completes only the first positional argument with fn.
func firstArg(fn Func) Func {
	return firstArgs(1, fn)
}

// firstArgs completes the first n positional arguments with fn.
func firstArgs(n int, fn Func) Func {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		if len(args) >= n {
			return nil, noFile
		}
		return fn(cmd, args, toComplete)
	}
}

// withPrefix completes "prefix<name>" from fn once toComplete starts with
// prefix (--ipc container:NAME); before that it offers the fixed values.
func withPrefix(prefix string, fn Func, values ...string) Func {
	fixed := Values(values...)
	return func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		if !strings.HasPrefix(toComplete, prefix) {
			return fixed(cmd, args, toComplete)
		}
		names, dir := fn(cmd, args, strings.TrimPrefix(toComplete, prefix))
		out := make([]cobra.Completion, 0, len(names))
		for _, n := range names {
			out = append(out, prefix+n)
		}
		return out, dir
	}
}

// withSuffix appends suffix to every candidate of fn and asks for no space
// (--link NAME:ALIAS).
func withSuffix(suffix string, fn Func) Func {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		names, dir := fn(cmd, args, toComplete)
		out := make([]cobra.Completion, 0, len(names))
		for _, n := range names {
			out = append(out, n+suffix)
		}
		return out, dir | cobra.ShellCompDirectiveNoSpace
	}
}
