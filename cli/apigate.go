package cli

import (
	"context"
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/dockerclone/docker/cli/engine"
)

// apiAnnotation names, on a flag or a command, the oldest Engine API version
// it needs (the reference's annotation key).
const apiAnnotation = "version"

// MinAPI marks the named flags of fs as needing API version v: setting one
// of them against an older engine fails before the command runs.
func MinAPI(fs *pflag.FlagSet, v string, names ...string) {
	for _, n := range names {
		if err := fs.SetAnnotation(n, apiAnnotation, []string{v}); err != nil {
			panic(err) // a misspelt flag name; the help tests build every command
		}
	}
}

// MinAPICommand marks cmd as needing API version v, and returns it.
func MinAPICommand(cmd *cobra.Command, v string) *cobra.Command {
	if cmd.Annotations == nil {
		cmd.Annotations = map[string]string{}
	}
	cmd.Annotations[apiAnnotation] = v
	return cmd
}

// InstallAPIGates makes every command under root that is marked with MinAPI
// or MinAPICommand refuse an engine older than it needs, at the points where
// the reference checks: before the argument count is validated, before a
// flag parse error is reported (with the flags parsed so far) and instead of
// the help. The engine is asked only when the command or a flag the user
// set is gated, so a plain usage error never dials; a usage error with a
// gated flag does, as the reference's does, to report in the same order.
// Help never dials: there the check uses only a version DOCKER_API_VERSION
// fixes (where the reference would ask the daemon); with one, help also
// leaves out the flags and subcommands that version lacks, as the
// reference does. Call it once the tree is complete: it wraps the
// flag-error and help functions the commands inherit at that moment.
func InstallAPIGates(c *CLI, root *cobra.Command) {
	rootHelp := root.HelpFunc()
	root.SetHelpFunc(func(cmd *cobra.Command, a []string) {
		hideUnsupported(cmd)
		rootHelp(cmd, a)
	})
	var visit func(*cobra.Command)
	visit = func(cmd *cobra.Command) {
		for _, sub := range cmd.Commands() {
			visit(sub)
		}
		if cmd.HasSubCommands() || !gated(cmd) {
			return
		}
		args := cmd.Args
		cmd.Args = func(cmd *cobra.Command, a []string) error {
			if err := c.checkAPI(cmd, true); err != nil {
				return err
			}
			if args == nil {
				return nil
			}
			return args(cmd, a)
		}
		flagErr := cmd.FlagErrorFunc()
		cmd.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
			if gateErr := c.checkAPI(cmd, true); gateErr != nil {
				return gateErr
			}
			return flagErr(cmd, err)
		})
		help := cmd.HelpFunc()
		cmd.SetHelpFunc(func(cmd *cobra.Command, a []string) {
			if err := c.checkAPI(cmd, false); err != nil {
				fmt.Fprintln(cmd.OutOrStderr(), err)
				return
			}
			help(cmd, a)
		})
	}
	visit(root)
}

// hideUnsupported hides, for the help about to be shown, cmd's flags and
// subcommands that need a newer API than DOCKER_API_VERSION fixes.
func hideUnsupported(cmd *cobra.Command) {
	have := strings.TrimPrefix(os.Getenv("DOCKER_API_VERSION"), "v")
	if have == "" {
		return
	}
	cmd.Flags().VisitAll(func(f *pflag.Flag) {
		if v := f.Annotations[apiAnnotation]; len(v) > 0 && engine.VersionLess(have, v[0]) {
			f.Hidden = true
		}
	})
	for _, sub := range cmd.Commands() {
		if v := sub.Annotations[apiAnnotation]; v != "" && engine.VersionLess(have, v) {
			sub.Hidden = true
		}
	}
}

// gated reports whether cmd or one of its flags carries a version annotation.
func gated(cmd *cobra.Command) bool {
	if cmd.Annotations[apiAnnotation] != "" {
		return true
	}
	found := false
	cmd.Flags().VisitAll(func(f *pflag.Flag) {
		found = found || len(f.Annotations[apiAnnotation]) > 0
	})
	return found
}

// checkAPI compares what cmd and the flags the user set need with the
// engine's API version. It asks the engine only when something is gated
// and dial allows; otherwise only a version fixed by DOCKER_API_VERSION is
// used. When the version cannot be known (no endpoint, daemon unreachable)
// it passes: the command itself reports the problem, as the reference does.
func (c *CLI) checkAPI(cmd *cobra.Command, dial bool) error {
	need := cmd.Annotations[apiAnnotation]
	var flags []*pflag.Flag
	cmd.Flags().Visit(func(f *pflag.Flag) {
		if len(f.Annotations[apiAnnotation]) > 0 {
			flags = append(flags, f)
		}
	})
	if need == "" && len(flags) == 0 {
		return nil
	}
	if !dial && os.Getenv("DOCKER_API_VERSION") == "" {
		return nil
	}
	ctx := cmd.Context()
	if ctx == nil {
		ctx = context.Background()
	}
	client, err := c.Client(ctx)
	if err != nil {
		return nil
	}
	have := client.APIVersion(ctx)
	if need != "" && engine.VersionLess(have, need) {
		return Errorf(1, "%s requires API version %s, but the Docker daemon API version is %s", cmd.CommandPath(), need, have)
	}
	sort.Slice(flags, func(i, j int) bool { return flags[i].Name < flags[j].Name })
	var msgs []string
	for _, f := range flags {
		if need := f.Annotations[apiAnnotation][0]; engine.VersionLess(have, need) {
			msgs = append(msgs, fmt.Sprintf("%q requires API version %s, but the Docker daemon API version is %s", "--"+f.Name, need, have))
		}
	}
	if len(msgs) == 0 {
		return nil
	}
	return &StatusError{Code: 1, Msg: strings.Join(msgs, "\n")}
}
