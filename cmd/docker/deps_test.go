package main

import (
	"fmt"
	"maps"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// TestDependencies keeps out of the binary the modules whose package init
// alone costs start-up time (regexps compiled at init, telemetry set-up) or
// that would mean copying the reference implementation. A forbidden import
// path is allowed only when go.mod replaces its module by one of our own
// stand-ins under internal/ (see internal/README.md).
func TestDependencies(t *testing.T) {
	forbidden := []string{
		"github.com/distribution/reference",
		"github.com/opencontainers/go-digest",
		"github.com/docker/docker",
		"github.com/docker/cli",
		"go.opentelemetry.io",
	}
	out, err := exec.Command("go", "list", "-deps", "-f", "{{.ImportPath}} {{with .Module}}{{with .Replace}}{{.Path}}{{end}}{{end}}", ".").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) < 2 {
		t.Fatal("go list -deps listed nothing")
	}
	for _, line := range lines {
		dep, replacement, _ := strings.Cut(line, " ")
		if strings.HasPrefix(replacement, "./internal/") {
			continue
		}
		for _, f := range forbidden {
			// A module path, not a prefix: docker/docker-credential-helpers is fine.
			if dep == f || strings.HasPrefix(dep, f+"/") {
				t.Errorf("./cmd/docker depends on %s (forbidden: %s)", dep, f)
			}
		}
	}
}

const module = "github.com/dockerclone/docker"

// TestLayers keeps the imports between our packages pointing down,
// cmd → commands → {completion, credentials, cli} → {config, cli/engine},
// with no command group importing another. Only the packages' own code
// counts: tests may drive the layers above them (completion's tests run
// the whole command tree).
func TestLayers(t *testing.T) {
	out, err := exec.Command("go", "list", "-f", "{{.ImportPath}}{{range .Imports}} {{.}}{{end}}", module+"/...").Output()
	if ee, ok := err.(*exec.ExitError); ok {
		t.Fatalf("go list: %v\n%s", err, ee.Stderr)
	} else if err != nil {
		t.Fatalf("go list: %v", err)
	}
	graph := map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Fields(line)
		pkg := strings.TrimPrefix(strings.TrimPrefix(f[0], module), "/")
		graph[pkg] = nil
		for _, imp := range f[1:] {
			if imp == module || strings.HasPrefix(imp, module+"/") {
				graph[pkg] = append(graph[pkg], strings.TrimPrefix(strings.TrimPrefix(imp, module), "/"))
			}
		}
	}
	if len(graph["commands"]) == 0 || len(graph["cli"]) == 0 {
		t.Fatalf("go list gave no import graph:\n%s", out)
	}
	for _, v := range layerViolations(graph) {
		t.Error(v)
	}
}

// rank orders our packages: a package imports only packages of its rank
// or below.
func rank(pkg string) (int, bool) {
	switch {
	case under(pkg, "cmd"), under(pkg, "man"), under(pkg, "e2e"):
		return 4, true
	case under(pkg, "commands"):
		return 3, true
	case under(pkg, "config"), under(pkg, "cli/engine"):
		return 1, true
	case under(pkg, "cli"), under(pkg, "completion"), under(pkg, "credentials"):
		return 2, true
	}
	return 0, false
}

// narrow lists the packages that import only the given packages of ours.
// cli/format is the formatting mechanism alone: the typed views of engine
// objects it renders (cli/format/shapes) are handed to it by commands, it
// does not import them.
var narrow = map[string][]string{
	"config":            nil,
	"cli/engine":        nil,
	"cli/format":        nil,
	"cli/reference":     nil,
	"cli/format/shapes": {"cli/engine"},
	"credentials":       {"config"},
}

func under(pkg, dir string) bool { return pkg == dir || strings.HasPrefix(pkg, dir+"/") }

// group is "commands/X" for the packages of command group X, else "".
func group(pkg string) string {
	if !strings.HasPrefix(pkg, "commands/") {
		return ""
	}
	p := strings.SplitN(pkg, "/", 3)
	return p[0] + "/" + p[1]
}

// layerViolations names every import of graph (package → its imports of
// ours, paths relative to the module) that breaks a rule.
func layerViolations(graph map[string][]string) []string {
	var out []string
	for _, pkg := range slices.Sorted(maps.Keys(graph)) {
		r, ok := rank(pkg)
		if !ok {
			out = append(out, fmt.Sprintf("%s has no layer: add it to rank in cmd/docker/deps_test.go", pkg))
			continue
		}
		allowed, isNarrow := narrow[pkg]
		for _, imp := range graph[pkg] {
			ri, ok := rank(imp)
			switch {
			case isNarrow && !slices.Contains(allowed, imp):
				if len(allowed) == 0 {
					out = append(out, fmt.Sprintf("%s imports %s: %s must import nothing else of ours", pkg, imp, pkg))
				} else {
					out = append(out, fmt.Sprintf("%s imports %s: %s may import only %s of ours", pkg, imp, pkg, strings.Join(allowed, ", ")))
				}
			case ok && ri > r:
				out = append(out, fmt.Sprintf("%s imports %s: imports point down (cmd → commands → {completion, credentials, cli} → {config, cli/engine})", pkg, imp))
			case group(pkg) != "" && under(imp, "commands") && group(imp) != group(pkg):
				out = append(out, fmt.Sprintf("%s imports %s: a command group imports no other; move what they share down into cli/", pkg, imp))
			}
		}
	}
	return out
}

func TestLayerViolations(t *testing.T) {
	tests := []struct {
		graph map[string][]string
		want  []string
	}{
		{map[string][]string{
			"cmd/docker":               {"cli", "commands"},
			"commands":                 {"commands/image", "commands/container", "completion", "cli", "config"},
			"commands/image":           {"commands/image/formatter", "cli", "cli/format", "cli/format/shapes", "credentials"},
			"commands/image/formatter": {"cli/engine", "cli/format"},
			"completion":               {"cli", "cli/engine"},
			"cli":                      {"cli/engine", "cli/format", "config"},
			"cli/format/shapes":        {"cli/engine"},
			"credentials":              {"config"},
		}, nil},
		{map[string][]string{"commands/image": {"commands/container/formatter"}},
			[]string{"commands/image imports commands/container/formatter: a command group imports no other; move what they share down into cli/"}},
		{map[string][]string{"commands/image": {"commands"}},
			[]string{"commands/image imports commands: a command group imports no other; move what they share down into cli/"}},
		{map[string][]string{"cli": {"commands"}, "config": {"cli"}},
			[]string{"cli imports commands: imports point down (cmd → commands → {completion, credentials, cli} → {config, cli/engine})",
				"config imports cli: config must import nothing else of ours"}},
		{map[string][]string{"cli/format": {"cli/format/shapes"}, "cli/format/shapes": {"cli/opts"}, "credentials": {"cli"}},
			[]string{"cli/format imports cli/format/shapes: cli/format must import nothing else of ours",
				"cli/format/shapes imports cli/opts: cli/format/shapes may import only cli/engine of ours",
				"credentials imports cli: credentials may import only config of ours"}},
		{map[string][]string{"completion": {"credentials"}}, nil},
		{map[string][]string{"plugins": nil}, []string{"plugins has no layer: add it to rank in cmd/docker/deps_test.go"}},
	}
	for _, tt := range tests {
		if got := layerViolations(tt.graph); !slices.Equal(got, tt.want) {
			t.Errorf("%v:\n%q\nwant\n%q", tt.graph, got, tt.want)
		}
	}
}
