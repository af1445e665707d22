package commands

import (
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// referenceVersion is the reference CLI whose surface we reproduce.
const referenceVersion = "Docker version 28.2.2, build e6534b4"

// TestFlagSetsMatchTheReference walks the reference CLI's help, command by
// command, and compares the commands and flags it lists with ours: every
// difference is reported, and any fails the test. The reference is the
// `docker` on PATH (or $DOCKER_REFERENCE) when it is that exact version; on
// a machine without it there is nothing to compare with, and the test says
// so. Both sides are asked with the daemon unreachable, where the reference
// shows everything it has (as our help always does) and no plugin is
// installed.
func TestFlagSetsMatchTheReference(t *testing.T) {
	ref := os.Getenv("DOCKER_REFERENCE")
	if ref == "" {
		ref, _ = exec.LookPath("docker")
	}
	if ref == "" {
		t.Skip("no reference docker CLI on PATH (set DOCKER_REFERENCE): the flag sets cannot be compared here")
	}
	if out, err := exec.Command(ref, "--version").Output(); err != nil || strings.TrimSpace(string(out)) != referenceVersion {
		t.Skipf("%s is not the reference CLI (%q, want %q): the flag sets cannot be compared here", ref, strings.TrimSpace(string(out)), referenceVersion)
	}
	cfg := t.TempDir()
	env := append(os.Environ(), "DOCKER_HOST=unix:///nonexistent/docker.sock", "DOCKER_CONFIG="+cfg,
		"DOCKER_CONTEXT=", "DOCKER_API_VERSION=", "DOCKER_CLI_HINTS=false")
	for _, k := range []string{"DOCKER_HOST", "DOCKER_CONFIG", "DOCKER_CONTEXT", "DOCKER_API_VERSION"} {
		t.Setenv(k, "")
	}
	t.Setenv("DOCKER_HOST", "unix:///nonexistent/docker.sock")
	t.Setenv("DOCKER_CONFIG", cfg)

	reference := func(path []string) helpSurface {
		cmd := exec.Command(ref, append(path, "--help")...)
		cmd.Env = env
		out, _ := cmd.CombinedOutput()
		return parseHelp(string(out))
	}
	ours := func(path []string) helpSurface {
		stdout, stderr, _ := run(append(path, "--help")...)
		return parseHelp(stdout + stderr)
	}

	var diffs []string
	commands := 0
	var walk func(path []string)
	walk = func(path []string) {
		commands++
		r, o := reference(path), ours(path)
		name := strings.Join(append([]string{"docker"}, path...), " ")
		for _, f := range r.flags {
			if !slices.Contains(o.flags, f) {
				diffs = append(diffs, fmt.Sprintf("missing flag    %s %s", name, f))
			}
		}
		for _, f := range o.flags {
			if !slices.Contains(r.flags, f) {
				diffs = append(diffs, fmt.Sprintf("extra flag      %s %s", name, f))
			}
		}
		for _, c := range o.commands {
			if !slices.Contains(r.commands, c) {
				diffs = append(diffs, fmt.Sprintf("extra command   %s %s", name, c))
			}
		}
		for _, c := range r.commands {
			if !slices.Contains(o.commands, c) {
				diffs = append(diffs, fmt.Sprintf("missing command %s %s", name, c))
				continue
			}
			walk(append(slices.Clone(path), c))
		}
	}
	walk(nil)
	t.Logf("flag sets: %d commands compared with %s, %d differences", commands, ref, len(diffs))
	for _, d := range diffs {
		t.Error(d)
	}
}

// helpSurface is what one help page lists: subcommands and the command's
// own flags ("-s, --long" or "--long"), global options left out.
type helpSurface struct {
	commands, flags []string
}

var (
	helpSection = regexp.MustCompile(`^(?:([A-Z][A-Za-z ]*) )?(Commands|Options):$`)
	helpCommand = regexp.MustCompile(`^  ([a-z][a-z0-9-]*)\*?\s`)
	helpFlag    = regexp.MustCompile(`^\s+(?:-([A-Za-z0-9]), )?--([a-z0-9-]+)`)
)

func parseHelp(text string) helpSurface {
	var s helpSurface
	section := ""
	for _, line := range strings.Split(text, "\n") {
		if m := helpSection.FindStringSubmatch(line); m != nil {
			section = m[2]
			if m[1] == "Global" || m[1] == "Invalid Plugins" {
				section = ""
			}
			continue
		}
		if line != "" && !strings.HasPrefix(line, " ") {
			section = ""
		}
		switch section {
		case "Commands":
			if m := helpCommand.FindStringSubmatch(line); m != nil {
				s.commands = append(s.commands, m[1])
			}
		case "Options":
			if m := helpFlag.FindStringSubmatch(line); m != nil {
				f := "--" + m[2]
				if m[1] != "" {
					f = "-" + m[1] + ", " + f
				}
				s.flags = append(s.flags, f)
			}
		}
	}
	return s
}
