package completion

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
)

// Install walks the finished tree under root and attaches completion by
// command path ("container stop"; top-level shortcuts such as "stop" resolve
// to their group's command) and flag name. Functions a command set itself
// are kept. Nothing here contacts the engine until a shell asks.
func Install(c *cli.CLI, root *cobra.Command) {
	args := argCompletions(c)
	flags := flagCompletions(c)
	visit(root, func(cmd *cobra.Command) {
		path := canonicalPath(cmd)
		if cmd.ValidArgsFunction == nil && len(cmd.ValidArgs) == 0 && !cmd.HasSubCommands() {
			if fn, ok := args[path]; ok {
				cmd.ValidArgsFunction = fn
			} else if !takesArgs(cmd) && cmd.HasParent() {
				cmd.ValidArgsFunction = NoComplete
			}
		}
		for name, fn := range flags.forCommand(path) {
			registerFlag(cmd, name, fn)
		}
		registerFlag(cmd, "format", formatValues)
	})
	// Global flags live on the root and are completed wherever they are inherited.
	registerFlag(root, "context", ContextNames(c, false))
	registerFlag(root, "log-level", Values("debug", "info", "warn", "error", "fatal", "panic"))
}

func registerFlag(cmd *cobra.Command, name string, fn Func) {
	f := cmd.Flags().Lookup(name)
	if f == nil {
		f = cmd.PersistentFlags().Lookup(name)
	}
	if f == nil || f.Value.Type() == "bool" {
		return
	}
	if _, ok := cmd.GetFlagCompletionFunc(name); ok {
		return
	}
	_ = cmd.RegisterFlagCompletionFunc(name, fn)
}

func visit(cmd *cobra.Command, fn func(*cobra.Command)) {
	fn(cmd)
	for _, sub := range cmd.Commands() {
		visit(sub, fn)
	}
}

// shortcuts are top-level commands whose name differs from their group command.
var shortcuts = map[string]string{
	"ps":      "container ls",
	"images":  "image ls",
	"rmi":     "image rm",
	"inspect": "inspect",
}

// groupsOfShortcuts are tried in order for the other top-level commands.
var groupsOfShortcuts = []string{"container", "image", "system"}

// canonicalPath is the command path without "docker", with shortcuts
// resolved to the group command they stand for.
func canonicalPath(cmd *cobra.Command) string {
	path := strings.TrimPrefix(cmd.CommandPath(), cmd.Root().Name())
	path = strings.TrimSpace(path)
	if cmd.Parent() != cmd.Root() || cmd.HasSubCommands() {
		return path
	}
	if p, ok := shortcuts[path]; ok {
		return p
	}
	for _, g := range groupsOfShortcuts {
		if group, _, err := cmd.Root().Find([]string{g, path}); err == nil && group != nil && group.Name() == path && group.Parent().Name() == g {
			return g + " " + path
		}
	}
	return path
}

// takesArgs reports whether the use line names positional arguments.
func takesArgs(cmd *cobra.Command) bool {
	fields := strings.Fields(cmd.Use)
	for _, f := range fields[1:] {
		if f != "[OPTIONS]" {
			return true
		}
	}
	return false
}

func running(_ *cobra.Command, ctr engine.Container) bool    { return ctr.State == "running" }
func notRunning(_ *cobra.Command, ctr engine.Container) bool { return ctr.State != "running" }
func paused(_ *cobra.Command, ctr engine.Container) bool     { return ctr.State == "paused" }

// removable: stopped containers, or all of them with --force.
func removable(cmd *cobra.Command, ctr engine.Container) bool {
	if force, err := cmd.Flags().GetBool("force"); err == nil && force {
		return true
	}
	return ctr.State != "running"
}

// argCompletions maps a canonical command path to its argument completion.
// Commands that take one container or image complete the first argument
// only; the ones acting on many complete every argument.
func argCompletions(c *cli.CLI) map[string]Func {
	runningCtrs := ContainerNames(c, false, running)
	allCtrs := ContainerNames(c, true, nil)
	images := ImageNames(c)
	contexts := ContextNames(c, true)
	networks := NetworkNames(c)
	return map[string]Func{
		"container attach":   firstArg(runningCtrs),
		"container commit":   firstArg(runningCtrs),
		"container diff":     firstArg(runningCtrs),
		"container exec":     firstArg(runningCtrs),
		"container kill":     runningCtrs,
		"container pause":    runningCtrs,
		"container port":     firstArg(runningCtrs),
		"container stats":    runningCtrs,
		"container stop":     runningCtrs,
		"container top":      firstArg(runningCtrs),
		"container wait":     runningCtrs,
		"container export":   firstArg(allCtrs),
		"container inspect":  allCtrs,
		"container logs":     firstArg(allCtrs),
		"container rename":   firstArg(allCtrs),
		"container restart":  allCtrs,
		"container update":   allCtrs,
		"container start":    ContainerNames(c, true, notRunning),
		"container rm":       ContainerNames(c, true, removable),
		"container unpause":  ContainerNames(c, true, paused),
		"container create":   firstArg(images),
		"container run":      firstArg(images),
		"container cp":       nil, // paths: leave the shell's file completion
		"image history":      firstArg(images),
		"image inspect":      images,
		"image push":         firstArg(images),
		"image rm":           images,
		"image save":         images,
		"image tag":          firstArgs(2, images),
		"image pull":         NoComplete,
		"login":              NoComplete,
		"context export":     firstArg(contexts),
		"context inspect":    contexts,
		"context rm":         contexts,
		"context update":     firstArg(contexts),
		"context use":        firstArg(contexts),
		"network connect":    firstArg(networks),
		"network disconnect": firstArg(networks),
		"network inspect":    networks,
		"network rm":         networks,
	}
}
