// Package completion attaches shell completion to the finished command tree:
// names fetched live from the engine (with a short timeout, silently empty
// when it cannot be reached), fixed flag values, and no file completion
// where a name is expected. The scripts themselves are cobra's
// (`docker completion bash|zsh|fish|powershell`).
package completion

import (
	"context"
	"os"
	"slices"
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
// stopped containers (else the engine's default list: running and paused);
// keep, when set, filters them. An engine that cannot answer makes the
// shell report an error, as with the reference.
func ContainerNames(c *cli.CLI, all bool, keep func(cmd *cobra.Command, ctr engine.Container) bool) Func {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		names, err := containerNames(c, cmd, all, keep)
		if err != nil {
			return nil, cobra.ShellCompDirectiveError
		}
		return names, noFile
	}
}

func containerNames(c *cli.CLI, cmd *cobra.Command, all bool, keep func(*cobra.Command, engine.Container) bool) ([]string, error) {
	ctx, cancel := engineContext()
	defer cancel()
	client, err := c.Client(ctx)
	if err != nil {
		return nil, err
	}
	list, err := client.ContainerList(ctx, engine.ListOptions{All: all})
	if err != nil {
		return nil, err
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
	return out, nil
}

// ImageNames lists repo:tag of every tagged image.
func ImageNames(c *cli.CLI) Func {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		ctx, cancel := engineContext()
		defer cancel()
		client, err := c.Client(ctx)
		if err != nil {
			return nil, cobra.ShellCompDirectiveError
		}
		list, err := client.ImageList(ctx, engine.ImageListOptions{})
		if err != nil {
			return nil, cobra.ShellCompDirectiveError
		}
		var out []string
		for _, img := range list {
			// Every tag the daemon lists, in its order: an engine that
			// marks a dangling image "<none>:<none>" has it offered too, as
			// the reference does.
			out = append(out, img.RepoTags...)
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
			return nil, cobra.ShellCompDirectiveError
		}
		list, err := client.NetworkList(ctx, nil)
		if err != nil {
			return nil, cobra.ShellCompDirectiveError
		}
		out := make([]string, 0, len(list))
		for _, n := range list {
			out = append(out, n.Name)
		}
		return out, noFile
	}
}

// ContextNames lists the stored contexts (sorted) then "default", as the
// reference does; with describe, the current one is described as "current".
func ContextNames(c *cli.CLI, describe bool) Func {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		var names []string
		if list, err := c.Contexts().List(); err == nil {
			for _, ctx := range list {
				if ctx.Name != "default" {
					names = append(names, ctx.Name)
				}
			}
		}
		names = append(names, "default")
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

// exceptArgs drops the names already on the command line (context rm a <TAB>).
func exceptArgs(fn Func) Func {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		names, dir := fn(cmd, args, toComplete)
		out := names[:0:0]
		for _, n := range names {
			name, _, _ := strings.Cut(n, "\t")
			if !slices.Contains(args, name) {
				out = append(out, n)
			}
		}
		return out, dir
	}
}

// Values completes a fixed list. Like the reference, the list is not
// narrowed to what was typed: the shell does that.
func Values(values ...string) Func {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		return values, noFile
	}
}

// valuesNoSpace is Values for candidates the user goes on typing after
// ("size=", "ctrl-"): no space is added, and files are not ruled out.
func valuesNoSpace(values ...string) Func {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		return values, cobra.ShellCompDirectiveNoSpace
	}
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

// directories leaves the shell to offer directories (a build context).
func directories(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
	return nil, cobra.ShellCompDirectiveFilterDirs
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

// firstArgThen completes the first argument with fn and leaves the later
// ones to directive.
func firstArgThen(fn Func, directive cobra.ShellCompDirective) Func {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		if len(args) >= 1 {
			return nil, directive
		}
		return fn(cmd, args, toComplete)
	}
}

// withPrefix completes --ipc/--pid: a partly typed "container" becomes
// "container:", "container:<TAB>" lists "container:<name>", anything else
// gets the fixed values.
func withPrefix(prefix string, fn Func, values ...string) Func {
	word := strings.TrimSuffix(prefix, ":")
	return func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		switch {
		case toComplete != "" && strings.HasPrefix(word, toComplete):
			return []string{prefix}, cobra.ShellCompDirectiveNoSpace
		case strings.HasPrefix(toComplete, prefix):
			names, _ := fn(cmd, args, strings.TrimPrefix(toComplete, prefix))
			out := make([]cobra.Completion, 0, len(names))
			for _, n := range names {
				out = append(out, prefix+n)
			}
			return out, noFile
		}
		return values, noFile
	}
}

// withSuffix appends suffix to every candidate of fn and asks for no space
// (--link NAME:ALIAS); an engine error just gives no candidates.
func withSuffix(suffix string, fn Func) Func {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		names, dir := fn(cmd, args, toComplete)
		if dir&cobra.ShellCompDirectiveError != 0 {
			return nil, dir // an engine that cannot answer: the shell reports it
		}
		out := make([]cobra.Completion, 0, len(names))
		for _, n := range names {
			out = append(out, n+suffix)
		}
		return out, cobra.ShellCompDirectiveNoSpace
	}
}

// noFiles keeps the shell from completing file names after fn's values.
func noFiles(fn Func) Func {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		names, dir := fn(cmd, args, toComplete)
		if dir&cobra.ShellCompDirectiveError != 0 {
			return names, dir // the shell reports the error alone
		}
		return names, dir | cobra.ShellCompDirectiveNoFileComp
	}
}

// listed completes the names list returns, asked of the engine with the
// completion timeout; an engine that cannot answer makes the shell report
// an error.
func listed(c *cli.CLI, list func(context.Context, *engine.Client) ([]string, error)) Func {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		ctx, cancel := engineContext()
		defer cancel()
		client, err := c.Client(ctx)
		if err != nil {
			return nil, cobra.ShellCompDirectiveError
		}
		names, err := list(ctx, client)
		if err != nil {
			return nil, cobra.ShellCompDirectiveError
		}
		return names, noFile
	}
}

// NodeNames lists the swarm nodes' hostnames, then "self".
func NodeNames(c *cli.CLI) Func {
	nodes := listed(c, each((*engine.Client).NodeList, func(n engine.Node) string { return n.Description.Hostname }))
	return func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		names, dir := nodes(cmd, args, toComplete)
		if dir == cobra.ShellCompDirectiveError {
			return names, dir
		}
		return append(names, "self"), dir
	}
}

// ServiceNames lists the swarm services by name.
func ServiceNames(c *cli.CLI) Func {
	list := func(client *engine.Client, ctx context.Context, _ engine.Filters) ([]engine.Service, error) {
		return client.ServiceList(ctx, engine.ServiceListOptions{})
	}
	return listed(c, each(list, func(s engine.Service) string { return s.Spec.Name }))
}

// StackNames lists the stacks: the namespaces of the services that have one.
func StackNames(c *cli.CLI) Func {
	return listed(c, func(ctx context.Context, client *engine.Client) ([]string, error) {
		services, err := client.ServiceList(ctx, engine.ServiceListOptions{Filters: engine.Filters{"label": {"com.docker.stack.namespace": true}}})
		seen := map[string]bool{}
		var names []string
		for _, s := range services {
			if ns := s.Spec.Labels["com.docker.stack.namespace"]; !seen[ns] {
				seen[ns] = true
				names = append(names, ns)
			}
		}
		slices.Sort(names)
		return names, err
	})
}

// SecretIDs lists the swarm secrets by ID, as the reference does.
func SecretIDs(c *cli.CLI) Func {
	return listed(c, each(engine.Secrets.List, func(s engine.Secret) string { return s.ID }))
}

// ConfigIDs lists the swarm configs by ID, as the reference does.
func ConfigIDs(c *cli.CLI) Func {
	return listed(c, each(engine.Configs.List, func(cf engine.SwarmConfig) string { return cf.ID }))
}

// VolumeNames lists the volumes by name.
func VolumeNames(c *cli.CLI) Func {
	list := func(client *engine.Client, ctx context.Context, f engine.Filters) ([]engine.Volume, error) {
		vols, _, err := client.VolumeList(ctx, f)
		return vols, err
	}
	return listed(c, each(list, func(v engine.Volume) string { return v.Name }))
}

// each names every object list returns.
func each[T any](list func(*engine.Client, context.Context, engine.Filters) ([]T, error), name func(T) string) func(context.Context, *engine.Client) ([]string, error) {
	return func(ctx context.Context, client *engine.Client) ([]string, error) {
		items, err := list(client, ctx, nil)
		out := make([]string, 0, len(items))
		for _, it := range items {
			out = append(out, name(it))
		}
		return out, err
	}
}
