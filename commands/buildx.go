package commands

import (
	"fmt"
	"os"
	"slices"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/cliplugins"
)

// The reference's notices when the legacy builder runs, and its errors when
// BuildKit is asked for but buildx cannot be run.
const (
	legacyNotice = "DEPRECATED: The legacy builder is deprecated and will be removed in a future release.\n" +
		"            Install the buildx component to build images with BuildKit:\n" +
		"            https://docs.docker.com/go/buildx/\n"
	legacyDisabledNotice = "DEPRECATED: The legacy builder is deprecated and will be removed in a future release.\n" +
		"            BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0\n" +
		"            environment-variable.\n"
	buildxMissing = "ERROR: BuildKit is enabled but the buildx component is missing or broken.\n" +
		"       Install the buildx component to build images with BuildKit:\n" +
		"       https://docs.docker.com/go/buildx/"
	bakeMissing = "ERROR: docker bake requires the buildx component but it is missing or broken.\n" +
		"       Install the buildx component to use bake:\n" +
		"       https://docs.docker.com/go/buildx/"
)

// buildkitEnv reads DOCKER_BUILDKIT; the reference refuses every command
// when it is not a boolean.
func buildkitEnv() (enabled, set bool, err error) {
	v := os.Getenv("DOCKER_BUILDKIT")
	if v == "" {
		return false, false, nil
	}
	enabled, err = strconv.ParseBool(v)
	if err != nil {
		return false, true, cli.Errorf(1, "DOCKER_BUILDKIT environment variable expects boolean value: %v", err)
	}
	return enabled, true, nil
}

// buildAlias is how a build command maps onto buildx: the words it
// replaces in the command line, their replacement and the command path
// the reference reports for it.
type buildAlias struct {
	words   int
	buildx  []string
	cmdPath string
}

func buildAliasAt(args []string, i int) (buildAlias, bool) {
	switch args[i] {
	case "build":
		return buildAlias{1, []string{"buildx", "build"}, "docker"}, true
	case "bake":
		return buildAlias{1, []string{"buildx", "bake"}, "docker"}, true
	case "builder":
		return buildAlias{1, []string{"buildx"}, "docker builder"}, true
	case "image":
		if i+1 < len(args) && args[i+1] == "build" {
			return buildAlias{2, []string{"buildx", "build"}, "docker image"}, true
		}
	}
	return buildAlias{}, false
}

// dispatchBuild decides who builds: with buildx installed (and BuildKit not
// turned off) build, image build, builder and bake run buildx; without it
// the legacy builder runs after the reference's deprecation notice, or
// BuildKit asked for explicitly fails.
func dispatchBuild(c *cli.CLI, orig []string, i int) (int, bool) {
	alias, ok := buildAliasAt(orig, i)
	if !ok {
		return 0, false
	}
	bake := orig[i] == "bake"
	enabled, set, _ := buildkitEnv() // validated before dispatch
	if bake || !set || enabled {
		if p, ok := cliplugins.Find(c.PluginDirs(), "buildx"); ok && p.Valid() {
			args := slices.Concat(orig[:i], alias.buildx, orig[i+alias.words:])
			r := pluginRun(c, args, alias.cmdPath)
			if os.Getenv("BUILDX_BUILDER") == "" {
				r.Env = append(r.Env, "BUILDX_BUILDER="+c.CurrentContext())
			}
			return runPlugin(c, p, r), true
		}
	}
	switch {
	case bake:
		return exitCode(c.Streams, cli.Errorf(1, "%s", bakeMissing)), true
	case set && enabled:
		return exitCode(c.Streams, cli.Errorf(1, "%s", buildxMissing)), true
	case set:
		fmt.Fprint(c.Err, legacyDisabledNotice+"\n")
	default:
		fmt.Fprint(c.Err, legacyNotice+"\n")
	}
	return 0, false
}

const bakeShort = "Build from a file"

// addUnlistedBake is `docker bake` where buildx is missing, or not looked
// up (a shell completing bake's words): unlisted in help, and like the
// reference's it parses flags and has none, so no flag is offered and an
// unknown one is reported; its arguments get the shell's default
// completion. It runs nothing: a run of bake goes to buildx before the tree.
func addUnlistedBake(root *cobra.Command) {
	bake := &cobra.Command{Use: "bake", Short: bakeShort, Annotations: map[string]string{annotationUnlisted: "true"},
		Run: func(*cobra.Command, []string) {}}
	// Its --help as every command's (see finishTree): never offered, -h
	// deprecated.
	bake.Flags().BoolP("help", "h", false, "Print usage")
	_ = bake.Flags().MarkHidden("help")
	_ = bake.Flags().MarkShorthandDeprecated("help", "use --help")
	bake.Flags().SetOutput(root.OutOrStdout())
	root.AddCommand(bake)
}

// bakeStub is `docker bake` in help and completion when buildx is there.
func bakeStub(c *cli.CLI, buildx cliplugins.Plugin) *cobra.Command {
	return &cobra.Command{
		Use:                "bake",
		Short:              bakeShort,
		DisableFlagParsing: true,
		Annotations:        map[string]string{annotationTop: "4.5"},
		RunE:               stubRun(c, buildx, "buildx", "bake"),
	}
}
