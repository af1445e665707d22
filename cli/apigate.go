package cli

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/dockerclone/docker/cli/engine"
)

// The annotations (the reference's keys) that tie a command or a flag to
// what the daemon offers: an API version, experimental features, an OS.
const (
	apiAnnotation          = "version"
	experimentalAnnotation = "experimental"
	osTypeAnnotation       = "ostype"
)

var gateAnnotations = []string{apiAnnotation, experimentalAnnotation, osTypeAnnotation}

// MinAPI marks the named flags of fs as needing API version v: setting one
// of them against an older engine fails before the command runs.
func MinAPI(fs *pflag.FlagSet, v string, names ...string) {
	annotateFlags(fs, apiAnnotation, []string{v}, names)
}

// Experimental marks the named flags of fs as needing a daemon that runs
// experimental features.
func Experimental(fs *pflag.FlagSet, names ...string) {
	annotateFlags(fs, experimentalAnnotation, []string{""}, names)
}

// OSType marks the named flags of fs as only for a daemon running on os.
func OSType(fs *pflag.FlagSet, os string, names ...string) {
	annotateFlags(fs, osTypeAnnotation, []string{os}, names)
}

func annotateFlags(fs *pflag.FlagSet, key string, value, names []string) {
	for _, n := range names {
		if err := fs.SetAnnotation(n, key, value); err != nil {
			panic(err) // a misspelt flag name; the help tests build every command
		}
	}
}

// MinAPICommand marks cmd, and so every command under it, as needing API
// version v, and returns it.
func MinAPICommand(cmd *cobra.Command, v string) *cobra.Command {
	return annotateCommand(cmd, apiAnnotation, v)
}

// ExperimentalCommand marks cmd, and every command under it, as needing a
// daemon that runs experimental features, and returns it.
func ExperimentalCommand(cmd *cobra.Command) *cobra.Command {
	return annotateCommand(cmd, experimentalAnnotation, "")
}

func annotateCommand(cmd *cobra.Command, key, value string) *cobra.Command {
	if cmd.Annotations == nil {
		cmd.Annotations = map[string]string{}
	}
	cmd.Annotations[key] = value
	return cmd
}

// InstallAPIGates makes every command under root that is gated (itself, a
// parent or a flag it has, see MinAPI, Experimental, OSType and the
// *Command variants) refuse a daemon that lacks what it needs, where the
// reference checks: before the argument count is validated, before a flag
// parse error is reported (with the flags parsed so far) and instead of the
// help. The help of a command also leaves out the flags and subcommands
// the daemon lacks, as far as it is known without dialing (help never
// dials). The daemon is asked only when something in question is gated, so
// plain usage errors never dial; when it cannot be
// reached every check passes, as the reference's do. Call it once the tree
// is complete: it wraps the flag-error and help functions the commands
// inherit at that moment.
func InstallAPIGates(c *CLI, root *cobra.Command) {
	rootHelp := root.HelpFunc()
	root.SetHelpFunc(func(cmd *cobra.Command, a []string) {
		if helpGated(cmd) {
			d := c.daemon(cmd)
			d.offline = true // help never dials: see daemon.offline
			if err := d.refusal(cmd); err != nil {
				fmt.Fprintln(cmd.OutOrStdout(), err)
				return
			}
			d.hideUnsupported(cmd)
		}
		rootHelp(cmd, a)
	})
	var visit func(*cobra.Command)
	visit = func(cmd *cobra.Command) {
		for _, sub := range cmd.Commands() {
			visit(sub)
		}
		if !runGated(cmd) {
			return
		}
		args := cmd.Args
		cmd.Args = func(cmd *cobra.Command, a []string) error {
			if err := c.daemon(cmd).refusal(cmd); err != nil {
				return err
			}
			if args == nil {
				return nil
			}
			return args(cmd, a)
		}
		flagErr := cmd.FlagErrorFunc()
		cmd.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
			if gateErr := c.daemon(cmd).refusal(cmd); gateErr != nil {
				return gateErr
			}
			return flagErr(cmd, err)
		})
	}
	visit(root)
}

// gatedAnnotations reports whether a command's or a flag's annotations
// carry a gate.
func gatedAnnotations[V string | []string](a map[string]V) bool {
	for _, k := range gateAnnotations {
		if _, ok := a[k]; ok {
			return true
		}
	}
	return false
}

// runGated reports whether running cmd may be refused: it, a parent or one
// of its flags is gated.
func runGated(cmd *cobra.Command) bool {
	for p := cmd; p != nil; p = p.Parent() {
		if gatedAnnotations(p.Annotations) {
			return true
		}
	}
	found := false
	cmd.Flags().VisitAll(func(f *pflag.Flag) { found = found || gatedAnnotations(f.Annotations) })
	return found
}

// helpGated reports whether cmd's help depends on the daemon: running it
// may be refused, or one of its subcommands is gated.
func helpGated(cmd *cobra.Command) bool {
	if runGated(cmd) {
		return true
	}
	for _, sub := range cmd.Commands() {
		if gatedAnnotations(sub.Annotations) {
			return true
		}
	}
	return false
}

// daemon is what the gates know of the engine, asked for lazily: the API
// version (negotiated, or fixed by DOCKER_API_VERSION without dialing) and,
// only for experimental or OS gates, the ping's other headers.
type daemon struct {
	c   *CLI
	ctx context.Context

	// offline is for help, which never dials (a project rule: the
	// reference asks the daemon here). Only a version DOCKER_API_VERSION
	// fixes is known; experimental and OS gates pass.
	offline bool

	pinged bool
	ping   engine.Ping
}

func (c *CLI) daemon(cmd *cobra.Command) *daemon {
	ctx := cmd.Context()
	if ctx == nil {
		ctx = context.Background()
	}
	return &daemon{c: c, ctx: ctx}
}

// engine is the client, nil when there is no endpoint (every gate passes:
// the command itself reports the problem).
func (d *daemon) engine() *engine.Client {
	client, err := d.c.Client(d.ctx)
	if err != nil {
		return nil
	}
	return client
}

func (d *daemon) apiVersion() string {
	if d.offline {
		return strings.TrimPrefix(os.Getenv("DOCKER_API_VERSION"), "v")
	}
	if client := d.engine(); client != nil {
		return client.APIVersion(d.ctx)
	}
	return ""
}

// info is the ping; an unreachable daemon reads as experimental on an
// unknown OS, which every gate lets through.
func (d *daemon) info() engine.Ping {
	if !d.pinged {
		d.pinged = true
		d.ping = engine.Ping{Experimental: true}
		if client := d.engine(); client != nil && !d.offline {
			if p, err := client.Ping(d.ctx); err == nil {
				d.ping = p
			}
		}
	}
	return d.ping
}

// lacks says why the daemon lacks what annotations a (of a command or a
// flag) need, naming it what; "" when it has it.
func (d *daemon) lacks(a map[string][]string, what string) string {
	if v := a[apiAnnotation]; len(v) > 0 {
		if have := d.apiVersion(); have != "" && engine.VersionLess(have, v[0]) {
			return fmt.Sprintf("%s requires API version %s, but the Docker daemon API version is %s", what, v[0], have)
		}
	}
	if v := a[osTypeAnnotation]; len(v) > 0 {
		if have := d.info().OSType; have != "" && have != v[0] {
			return fmt.Sprintf("%s is only supported on a Docker daemon running on %s, but the Docker daemon is running on %s", what, v[0], have)
		}
	}
	if _, ok := a[experimentalAnnotation]; ok && !d.info().Experimental {
		return what + " is only supported on a Docker daemon with experimental features enabled"
	}
	return ""
}

// commandLacks is lacks for a command's own annotations.
func (d *daemon) commandLacks(cmd *cobra.Command, what string) string {
	a := map[string][]string{}
	for _, k := range gateAnnotations {
		if v, ok := cmd.Annotations[k]; ok {
			a[k] = []string{v}
		}
	}
	return d.lacks(a, what)
}

// refusal is the reference's error for running cmd on this daemon: the
// first gate of cmd or a parent (named as cmd), else every flag set that
// the daemon lacks, one line each in flag order.
func (d *daemon) refusal(cmd *cobra.Command) error {
	for p := cmd; p != nil; p = p.Parent() {
		if msg := d.commandLacks(p, cmd.CommandPath()); msg != "" {
			return Errorf(1, "%s", msg)
		}
	}
	var msgs []string
	cmd.Flags().VisitAll(func(f *pflag.Flag) {
		if f.Changed {
			if msg := d.lacks(f.Annotations, fmt.Sprintf("%q", "--"+f.Name)); msg != "" {
				msgs = append(msgs, msg)
			}
		}
	})
	if len(msgs) == 0 {
		return nil
	}
	return &StatusError{Code: 1, Msg: strings.Join(msgs, "\n")}
}

// hideUnsupported hides, for the help about to be shown, cmd's flags and
// subcommands that the daemon lacks.
func (d *daemon) hideUnsupported(cmd *cobra.Command) {
	cmd.Flags().VisitAll(func(f *pflag.Flag) {
		if gatedAnnotations(f.Annotations) && d.lacks(f.Annotations, f.Name) != "" {
			f.Hidden = true
		}
	})
	for _, sub := range cmd.Commands() {
		if gatedAnnotations(sub.Annotations) && d.commandLacks(sub, sub.Name()) != "" {
			sub.Hidden = true
		}
	}
}
