package completion

import (
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

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
		// run, create and the node and service commands complete no flag
		// value the reference does not list.
		if slices.Contains(runLike, path) || strings.HasPrefix(path, "node ") || strings.HasPrefix(path, "service ") {
			cmd.Flags().VisitAll(func(f *pflag.Flag) {
				if !slices.Contains(openFlags, f.Name) && !slices.Contains(openFlags, path+" --"+f.Name) {
					registerFlag(cmd, f.Name, NoComplete)
				}
			})
		}
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
	if f == nil || f.Value.Type() == "bool" || f.Name == "help" {
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

// shortcuts are the top-level commands that stand for a group's command
// (docker rm is docker container rm), and what they stand for. An array,
// laid out by the compiler: a map would be built at every start-up.
var shortcuts = [...]struct{ name, path string }{
	{"ps", "container ls"}, {"images", "image ls"}, {"rmi", "image rm"}, {"inspect", "inspect"},
	{"attach", "container attach"}, {"commit", "container commit"}, {"cp", "container cp"},
	{"create", "container create"}, {"diff", "container diff"}, {"exec", "container exec"},
	{"export", "container export"}, {"kill", "container kill"}, {"logs", "container logs"},
	{"pause", "container pause"}, {"port", "container port"}, {"rename", "container rename"},
	{"restart", "container restart"}, {"rm", "container rm"}, {"run", "container run"},
	{"start", "container start"}, {"stats", "container stats"}, {"stop", "container stop"},
	{"top", "container top"}, {"unpause", "container unpause"}, {"update", "container update"},
	{"wait", "container wait"},
	{"build", "image build"}, {"history", "image history"}, {"import", "image import"}, {"load", "image load"},
	{"pull", "image pull"}, {"push", "image push"}, {"save", "image save"}, {"tag", "image tag"},
	{"events", "system events"}, {"info", "system info"},
}

// canonicalPath is the command path without "docker", with shortcuts
// resolved to the group command they stand for. The table does not look the
// group up in the tree: a completion request builds the shortcut alone.
func canonicalPath(cmd *cobra.Command) string {
	path := strings.TrimPrefix(cmd.CommandPath(), cmd.Root().Name())
	path = strings.TrimSpace(path)
	if cmd.Parent() != cmd.Root() || cmd.HasSubCommands() {
		return path
	}
	for _, s := range shortcuts {
		if s.name == path {
			return s.path
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

func running(_ *cobra.Command, ctr engine.Container) bool { return ctr.State == "running" }
func paused(_ *cobra.Command, ctr engine.Container) bool  { return ctr.State == "paused" }

// stopped: what start accepts, created or exited.
func stopped(_ *cobra.Command, ctr engine.Container) bool {
	return ctr.State == "exited" || ctr.State == "created"
}

// removable: stopped containers, or all of them with --force.
func removable(cmd *cobra.Command, ctr engine.Container) bool {
	if force, err := cmd.Flags().GetBool("force"); err == nil && force {
		return true
	}
	return stopped(cmd, ctr)
}

// argCompletions maps a canonical command path to its argument completion.
// Commands that take one container or image complete the first argument
// only; the ones acting on many complete every argument.
func argCompletions(c *cli.CLI) map[string]Func {
	runningCtrs := ContainerNames(c, false, running)
	listedCtrs := ContainerNames(c, false, nil) // the engine's default list: running and paused
	allCtrs := ContainerNames(c, true, nil)
	images := ImageNames(c)
	contexts := ContextNames(c, true)
	networks := NetworkNames(c)
	nodes, services, secrets, configs := NodeNames(c), ServiceNames(c), SecretIDs(c), ConfigIDs(c)
	stacks := StackNames(c)
	volumes := VolumeNames(c)
	return map[string]Func{
		"container attach":  runningCtrs,
		"container commit":  listedCtrs,
		"container diff":    listedCtrs,
		"container exec":    runningCtrs,
		"container kill":    listedCtrs,
		"container pause":   runningCtrs,
		"container port":    listedCtrs,
		"container stats":   listedCtrs,
		"container stop":    listedCtrs,
		"container top":     listedCtrs,
		"container wait":    listedCtrs,
		"container export":  allCtrs,
		"container inspect": allCtrs,
		"container logs":    allCtrs,
		"container rename":  allCtrs,
		"container restart": allCtrs,
		"container update":  allCtrs,
		"container start":   ContainerNames(c, true, stopped),
		"container rm":      ContainerNames(c, true, removable),
		"container unpause": ContainerNames(c, true, paused),
		"container create":  images,
		"container run":     firstArg(images),
		"container cp":      nil, // paths: leave the shell's file completion
		"image history":     firstArg(images),
		"image inspect":     images,
		"image push":        firstArg(images),
		"image rm":          images,
		"image save":        images,
		"image tag":         firstArgs(2, images),
		"image pull":        NoComplete,
		"image build":       directories,
		"builder build":     directories,
		"inspect":           NoComplete,
		"login":             NoComplete,
		"context create":    NoComplete,
		// The second argument of export is a file.
		"context export":     firstArgThen(contexts, cobra.ShellCompDirectiveDefault),
		"context inspect":    exceptArgs(contexts),
		"context rm":         exceptArgs(contexts),
		"context update":     firstArg(contexts),
		"context use":        firstArg(contexts),
		"network connect":    firstArg(networks),
		"network disconnect": firstArg(networks),
		"network inspect":    networks,
		"network rm":         networks,
		"node demote":        nodes,
		"node inspect":       nodes,
		"node promote":       nodes,
		"node ps":            nodes,
		"node rm":            nodes,
		"node update":        nodes,
		"service inspect":    services,
		"service logs":       services,
		"service ps":         services,
		"service rm":         services,
		"service rollback":   services,
		"service update":     services,
		"service scale":      noFiles(withSuffix("=", services)),
		"service create":     NoComplete,
		"stack deploy":       stacks,
		"stack ps":           stacks,
		"stack rm":           stacks,
		"stack services":     stacks,
		"stack config":       NoComplete,
		"secret inspect":     secrets,
		"secret rm":          secrets,
		"config inspect":     configs,
		"config rm":          configs,
		"config create":      NoComplete,
		"swarm init":         NoComplete,
		"volume update":      volumes,
		"volume inspect":     volumes,
		"volume rm":          volumes,
		"volume create":      NoComplete,
		"network create":     NoComplete,
		"network prune":      nil, // the reference leaves it to the shell, unlike the other prunes
		"plugin create":      NoComplete,
		"checkpoint create":  NoComplete,
		"checkpoint ls":      listedCtrs,
		"secret ls":          secrets, // so does the reference (not config ls)
	}
}
