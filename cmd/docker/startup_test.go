package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestModules pins the modules linked into the binary. Every package init
// of every module runs on every start (docker ps pays for stack deploy's
// YAML parser), and every module adds to the binary: a new one is a
// deliberate choice, made here, with its cost measured (make bench).
func TestModules(t *testing.T) {
	want := []string{
		"github.com/compose-spec/compose-go/v2", // stack deploy's compose files
		"github.com/distribution/reference",     // replaced by internal/ (cli/reference)
		"github.com/docker/docker-credential-helpers",
		"github.com/docker/go-connections", // compose-go's
		"github.com/docker/go-units",
		"github.com/go-viper/mapstructure/v2", // compose-go's decoding
		"github.com/google/shlex",
		"github.com/mattn/go-runewidth",  // table widths, the reference's version
		"github.com/mattn/go-shellwords", // compose-go's
		"github.com/moby/patternmatcher",
		"github.com/moby/term",
		"github.com/morikuni/aec",
		"github.com/opencontainers/go-digest", // replaced by internal/
		"github.com/rivo/uniseg",
		"github.com/sirupsen/logrus", // compose-go's
		"github.com/spf13/cobra",
		"github.com/spf13/pflag",
		"github.com/xhit/go-str2duration/v2", // compose-go's
		"go.yaml.in/yaml/v3",                 // the one YAML library
		"golang.org/x/sync",
		"golang.org/x/sys",
	}
	out, err := exec.Command("go", "list", "-deps", "-f", "{{with .Module}}{{.Path}}{{end}}", ".").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	var got []string
	for _, m := range strings.Fields(string(out)) {
		if m != module && !slices.Contains(got, m) {
			got = append(got, m)
		}
	}
	slices.Sort(got)
	for _, m := range got {
		if !slices.Contains(want, m) {
			t.Errorf("new module in the binary: %s (add it to this list once its start-up and size cost is measured)", m)
		}
	}
	for _, m := range want {
		if !slices.Contains(got, m) {
			t.Errorf("module %s is gone: take it off this list", m)
		}
	}
}

// TestNoHeavyInit runs the binary with the runtime's init trace: none of
// our packages may build regexps, reflection tables or large maps when the
// program starts (they are built on first use), so that docker ps pays
// only for what it uses. A package may allocate a few small values.
func TestNoHeavyInit(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := filepath.Join(t.TempDir(), "docker")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	cmd := exec.Command(bin, "--version")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	const maxAllocs, maxBytes = 16, 4096
	seen := 0
	for _, line := range strings.Split(string(out), "\n") {
		// init github.com/dockerclone/docker/config @1.6 ms, 0.001 ms clock, 400 bytes, 10 allocs
		f := strings.Fields(line)
		if len(f) < 10 || f[0] != "init" || !strings.HasPrefix(f[1], module) {
			continue
		}
		seen++
		bytes, _ := strconv.Atoi(f[7])
		allocs, _ := strconv.Atoi(f[9])
		if allocs > maxAllocs || bytes > maxBytes {
			t.Errorf("%s allocates %d bytes in %d allocations at start-up (at most %d, %d): build it on first use",
				f[1], bytes, allocs, maxBytes, maxAllocs)
		}
	}
	if seen == 0 {
		t.Fatalf("no init trace of our packages in:\n%s", out)
	}
}
