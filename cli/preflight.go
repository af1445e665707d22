package cli

import (
	"errors"
	"io"
	"os"
	"strings"

	"github.com/spf13/pflag"

	"github.com/dockerclone/docker/config"
)

// Preflight is what the reference settles from the global flags before any
// command runs: they are parsed up to the command name (or a "--"), the log
// level and -H with --context are checked, and only then does the command
// line go to the command tree.
type Preflight struct {
	Opts GlobalOptions
	// Args is the command line for the tree: the "--" that ended the
	// global flags is dropped (`docker -- version` runs version).
	Args []string
	// ParseErr is a global flag error. The reference reports it after
	// loading the config file, so a config warning comes first.
	ParseErr error
	// Help is -h/--help among the global flags (before the command).
	Help    bool
	changed map[string]bool
}

// ParseGlobalFlags parses the global flags at the head of args. Values
// given before a parse error are kept, as pflag leaves them.
func ParseGlobalFlags(args []string) Preflight {
	fs := pflag.NewFlagSet("docker", pflag.ContinueOnError)
	fs.SetInterspersed(false)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	var p Preflight
	p.Opts.AddFlags(fs, config.Dir(""))
	fs.BoolP("help", "h", false, "")
	p.ParseErr = fs.Parse(args)
	if errors.Is(p.ParseErr, pflag.ErrHelp) {
		p.ParseErr = nil
	}
	p.Args = args
	if p.ParseErr == nil && fs.ArgsLenAtDash() == 0 {
		rest := fs.Args()
		head := args[:len(args)-len(rest)-1]
		p.Args = append(append([]string{}, head...), rest...)
	}
	p.changed = map[string]bool{}
	fs.Visit(func(f *pflag.Flag) { p.changed[f.Name] = true })
	p.Help = p.changed["help"]
	return p
}

// Check refuses what the reference refuses before loading anything: an
// unknown log level, then -H together with --context.
func (p Preflight) Check() error {
	if err := CheckLogLevel(p.Opts.LogLevel); err != nil {
		return err
	}
	return CheckGlobalOptions(&p.Opts)
}

// logLevels are the names the reference's logger accepts (any case).
var logLevels = []string{"panic", "fatal", "error", "warn", "warning", "info", "debug", "trace"}

// CheckLogLevel accepts an empty level (the flag given as "") and the
// logger's level names.
func CheckLogLevel(level string) error {
	if level == "" {
		return nil
	}
	for _, l := range logLevels {
		if strings.EqualFold(level, l) {
			return nil
		}
	}
	return &StatusError{Code: 1, Msg: "Unable to parse logging level: " + level}
}

// UnsetTLSDefaults names the client certificate flags whose default file
// does not exist while TLS is on: the reference then drops that default,
// in help too, rather than fail on a file nobody named.
func (p Preflight) UnsetTLSDefaults() []string {
	if !p.Opts.UseTLS() {
		return nil
	}
	var out []string
	for _, f := range []struct {
		name, path string
	}{{"tlscert", p.Opts.TLSCert}, {"tlskey", p.Opts.TLSKey}} {
		if p.changed[f.name] {
			continue
		}
		if _, err := os.Stat(f.path); errors.Is(err, os.ErrNotExist) {
			out = append(out, f.name)
		}
	}
	return out
}
