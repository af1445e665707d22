package commands

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/clitest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/help")

// fakeEngine serves an engine that no test expects a request on (it answers
// /_ping like Engine 20.10 on Linux) and points DOCKER_HOST at it.
func fakeEngine(t *testing.T) *clitest.Engine {
	t.Helper()
	e := &clitest.Engine{}
	t.Setenv("DOCKER_HOST", e.Serve(t))
	t.Setenv("HOME", "/home/golden")
	for _, k := range []string{"DOCKER_CONFIG", "DOCKER_CERT_PATH", "DOCKER_CONTEXT", "DOCKER_API_VERSION", "DOCKER_TLS", "DOCKER_TLS_VERIFY"} {
		t.Setenv(k, "")
		os.Unsetenv(k)
	}
	return e
}

// run executes args through Main, as the binary does.
func run(args ...string) (stdout, stderr string, code int) {
	var out, errb bytes.Buffer
	s := cli.Streams{In: cli.NewIn(strings.NewReader("")), Out: cli.NewOut(&out), Err: cli.NewOut(&errb)}
	code = Main(args, s)
	return out.String(), errb.String(), code
}

func testTree() *cobra.Command {
	var discard bytes.Buffer
	return newRootCommand(cli.New(cli.Streams{In: cli.NewIn(strings.NewReader("")), Out: cli.NewOut(&discard), Err: cli.NewOut(&discard)}), "", false)
}

// TestHelpGolden renders `X --help` for every visible command of the tree and
// compares it with testdata/help/X.golden (reviewed against the reference;
// regenerate with -update). There is no daemon to ask: the flags and
// subcommands the reference hides for a daemon that lacks them are shown, as
// the reference shows them when the daemon is unreachable (what a daemon
// hides: TestHelpHidesWhatTheDaemonLacks).
func TestHelpGolden(t *testing.T) {
	engine := fakeEngine(t)
	t.Setenv("DOCKER_HOST", "unix:///nonexistent/docker.sock")
	visit(testTree(), func(cmd *cobra.Command) {
		if !cmd.IsAvailableCommand() && cmd.HasParent() {
			return
		}
		path := strings.Fields(cmd.CommandPath())[1:]
		name := strings.Join(append([]string{"docker"}, path...), "-")
		t.Run(name, func(t *testing.T) {
			before := engine.Contacts()
			stdout, stderr, code := run(append(path, "--help")...)
			wantErr := ""
			if len(path) > 0 && isBuildAlias(path) {
				wantErr = legacyNotice + "\n" // the legacy builder says it is deprecated, even in help
			}
			if code != 0 || stderr != wantErr {
				t.Fatalf("code %d, stderr %q", code, stderr)
			}
			if got := engine.Contacts() - before; got != 0 {
				t.Errorf("--help sent %d requests to the daemon", got)
			}
			golden := filepath.Join("testdata", "help", name+".golden")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, []byte(stdout), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./commands -run TestHelpGolden -update, then review)", err)
			}
			if stdout != string(want) {
				t.Errorf("help differs from %s:\n--- got\n%s\n--- want\n%s", golden, stdout, want)
			}
			// docker help X prints the same.
			if helpOut, _, _ := run(append([]string{"help"}, path...)...); helpOut != stdout {
				t.Errorf("docker help %s differs from --help", strings.Join(path, " "))
			}
		})
	})
}

func isBuildAlias(path []string) bool {
	_, ok := buildAliasAt(path, 0)
	return ok
}

const contextHelp = `Usage:  docker context COMMAND

Manage contexts

Commands:
  create      Create a context
  export      Export a context to a tar archive FILE or a tar stream on STDOUT.
  import      Import a context from a tar or zip file
  inspect     Display detailed information on one or more contexts
  ls          List contexts
  rm          Remove one or more contexts
  show        Print the name of the current context
  update      Update a context
  use         Set the current docker context

Run 'docker context COMMAND --help' for more information on a command.
`

func TestHelpTopics(t *testing.T) {
	fakeEngine(t)
	tests := []struct {
		args       []string
		wantErr    string
		wantCode   int
		wantPrefix string
	}{
		{args: []string{"help", "nosuch"}, wantErr: "unknown help topic: nosuch\n", wantCode: 1},
		{args: []string{"help", "nosuch", "more"}, wantErr: "unknown help topic: nosuch more\n", wantCode: 1},
		{args: []string{"help", "image", "nosuch"}, wantErr: "unknown help topic: nosuch\n", wantCode: 1},
		{args: []string{"help", "--bogus"}, wantErr: "unknown flag: --bogus\n\nUsage:  docker help [command]\n\nRun 'docker help --help' for more information\n", wantCode: 125},
		{args: []string{"--bogus"}, wantErr: "unknown flag: --bogus\n\nUsage:  docker [OPTIONS] COMMAND [ARG...]\n\nRun 'docker --help' for more information\n", wantCode: 125},
		{args: []string{"help", "help"}, wantPrefix: "Usage:  docker help [command]\n\nHelp about the command\n"},
		{args: []string{"help"}, wantPrefix: "Usage:  docker [OPTIONS] COMMAND\n\nA self-sufficient runtime for containers\n"},

		{args: []string{"nosuch", "--help"}, wantPrefix: "Usage:  docker [OPTIONS] COMMAND\n"},
		{args: []string{"--version"}, wantPrefix: "Docker version "},
		{args: []string{"-v"}, wantPrefix: "Docker version "},
		{args: []string{"--version", "--debug"}, wantPrefix: "Docker version "},
		// The root's flag notice goes to stderr, a subcommand's to stdout.
		{args: []string{"-h"}, wantErr: "Flag shorthand -h has been deprecated, use --help\n", wantPrefix: "Usage:  docker [OPTIONS] COMMAND\n"},
		{args: []string{"version", "-h"}, wantPrefix: "Flag shorthand -h has been deprecated, use --help\nUsage:  docker version [OPTIONS]\n"},
		// Global flags are settled first: a "--" ends them, errors are usage errors.
		{args: []string{"--", "version", "--help"}, wantPrefix: "Usage:  docker version [OPTIONS]\n"},
		{args: []string{"--", "--version"}, wantPrefix: "Docker version "},
		{args: []string{"--version", "extra"}, wantPrefix: "Docker version "},
		{args: []string{"--debug=nope", "version"}, wantErr: "invalid argument \"nope\" for \"-D, --debug\" flag: strconv.ParseBool: parsing \"nope\": invalid syntax\n\nUsage:  docker [OPTIONS] COMMAND [ARG...]\n\nRun 'docker --help' for more information\n", wantCode: 125},
		{args: []string{"-H"}, wantErr: "flag needs an argument: 'H' in -H\n\nUsage:  docker [OPTIONS] COMMAND [ARG...]\n\nRun 'docker --help' for more information\n", wantCode: 125},
		{args: []string{"-l", "bogus", "--nosuch"}, wantErr: "Unable to parse logging level: bogus\n", wantCode: 1},
		{args: []string{"-l", "WARNING", "-v"}, wantPrefix: "Docker version "},
		{args: []string{"-c", "x", "-H", "y", "--help"}, wantErr: "conflicting options: cannot specify both --host and --context\n", wantCode: 1},
		// An unknown subcommand: the group's use line as the reference
		// declares it, COMMAND for volume and manifest only.
		{args: []string{"volume", "nosuch"}, wantCode: 1,
			wantErr: "docker: unknown command: docker volume nosuch\n\nUsage:  docker volume COMMAND\n\nRun 'docker volume --help' for more information\n"},
		{args: []string{"manifest", "nosuch"}, wantCode: 1,
			wantErr: "docker: unknown command: docker manifest nosuch\n\nUsage:  docker manifest COMMAND\n\nRun 'docker manifest --help' for more information\n"},
		{args: []string{"network", "nosuch"}, wantCode: 1,
			wantErr: "docker: unknown command: docker network nosuch\n\nUsage:  docker network\n\nRun 'docker network --help' for more information\n"},
		{args: []string{"volume", "--bogus"}, wantCode: 125,
			wantErr: "unknown flag: --bogus\n\nUsage:  docker volume COMMAND\n\nRun 'docker volume --help' for more information\n"},
		// A group without a subcommand shows its help on stderr.
		{args: []string{"context"}, wantErr: contextHelp},
		// `docker context --help ls` asks for the help of ls: one --help for all.
		{args: []string{"context", "--help", "ls"}, wantPrefix: "Usage:  docker context ls [OPTIONS]\n"},
		{args: []string{"completion", "--help"}, wantPrefix: "Usage:  docker completion COMMAND\n\nGenerate the autocompletion script for docker for the specified shell.\nSee each sub-command's help for details on how to use the generated script.\n\nCommands:\n  bash        Generate"},
		{args: []string{"completion", "bash", "--help"}, wantPrefix: "Usage:  docker completion bash\n\nGenerate the autocompletion script for the bash shell.\n"},
	}
	// Bare `docker` prints the help on stderr.
	if stdout, stderr, code := run(); code != 0 || stdout != "" || !strings.HasPrefix(stderr, "Usage:  docker [OPTIONS] COMMAND\n") {
		t.Errorf("docker: code %d stdout %q stderr %.40q", code, stdout, stderr)
	}
	// Bare `docker manifest` prints an empty line first.
	help, _, _ := run("manifest", "--help")
	if stdout, stderr, code := run("manifest"); code != 0 || stdout != "" || stderr != "\n"+help {
		t.Errorf("docker manifest: code %d stdout %q stderr %.40q", code, stdout, stderr)
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			stdout, stderr, code := run(tt.args...)
			if code != tt.wantCode || stderr != tt.wantErr {
				t.Fatalf("code %d stderr %q, want %d %q", code, stderr, tt.wantCode, tt.wantErr)
			}
			if !strings.HasPrefix(stdout, tt.wantPrefix) {
				t.Errorf("stdout %q, want prefix %q", stdout, tt.wantPrefix)
			}
		})
	}
}

func TestRootHelpListsOnlyVisibleCommands(t *testing.T) {
	fakeEngine(t)
	stdout, _, _ := run("--help")
	for _, hidden := range []string{"completion", "__complete", "help  ", "dial-stdio"} {
		if strings.Contains(stdout, "\n  "+hidden) {
			t.Errorf("root help lists %q", hidden)
		}
	}
	if strings.Contains(stdout, "--help   ") || strings.Contains(stdout, "[=true|false]") {
		t.Errorf("root help shows the help flag or pflag's bool syntax:\n%s", stdout)
	}
}

func TestFlagUsages(t *testing.T) {
	fs := pflag.NewFlagSet("t", pflag.ContinueOnError)
	fs.BoolP("all", "a", false, "Show all containers (default shows just running)")
	fs.String("format", "", "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'json':             Print in JSON format")
	fs.IntP("last", "n", -1, "Show n last created containers (includes all states)")
	fs.String("pull", "missing", `Pull image before running ("always", "missing", "never")`)
	fs.StringSlice("cache-from", nil, "Images to consider as cache sources")
	fs.Uint16("blkio-weight", 0, "Block IO weight")
	fs.Bool("sig-proxy", true, "Proxy received signals to the process")
	fs.String("hidden", "", "not shown")
	_ = fs.MarkHidden("hidden")
	fs.String("old", "", "Old flag")
	_ = fs.MarkDeprecated("old", "use new")

	want80 := `  -a, --all                   Show all containers (default shows just running)
      --blkio-weight uint16   Block IO weight
      --cache-from strings    Images to consider as cache sources
      --format string         Format output using a custom template:
                              'table':            Print output in table
                              format with column headers (default)
                              'json':             Print in JSON format
  -n, --last int              Show n last created containers (includes
                              all states) (default -1)
      --pull string           Pull image before running ("always",
                              "missing", "never") (default "missing")
      --sig-proxy             Proxy received signals to the process
                              (default true)
`
	if got := flagUsages(fs, 79); got != want80 {
		t.Errorf("80 columns:\n%s\nwant:\n%s", got, want80)
	}
	// Too narrow for the column: descriptions move below, indented by 16.
	got := flagUsages(fs, 45)
	if !strings.Contains(got, "  -a, --all                   \n                Show all containers\n                (default shows just running)\n") {
		t.Errorf("45 columns:\n%q", got)
	}
	// Unwrapped.
	if got := flagUsages(fs, 0); !strings.Contains(got, "  -n, --last int              Show n last created containers (includes all states) (default -1)\n") {
		t.Errorf("no wrapping:\n%s", got)
	}
}

func TestWrapText(t *testing.T) {
	tests := []struct {
		text         string
		indent, cols int
		want         string
	}{
		{"short", 10, 80, "short"},
		// 30 columns left, lines of 25 unless the rest fits in 30.
		{"one two three four five six", 10, 40, "one two three four five six"},
		{"one two three four five six seven", 10, 40, "one two three four five\n          six seven"},
		{"line one\nline two", 4, 80, "line one\n    line two"},
		{"abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz", 10, 40, "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz"},
		{"a b", 70, 80, "\n                a b"},
		{"a\nb", 70, 30, "a\n                b"},
	}
	for _, tt := range tests {
		if got := wrapText(tt.text, tt.indent, tt.cols); got != tt.want {
			t.Errorf("wrapText(%q, %d, %d) = %q, want %q", tt.text, tt.indent, tt.cols, got, tt.want)
		}
	}
}

func TestGlobalShorthandsFreeForCommands(t *testing.T) {
	root := testTree()
	// Commands may reuse the global flags' shorthands (history -H, run -v).
	visit(root, func(cmd *cobra.Command) { _ = cmd.Flags() })
	for _, name := range []string{"host", "version", "context", "debug", "log-level"} {
		if root.PersistentFlags().Lookup(name) != nil {
			t.Errorf("--%s is persistent; the reference accepts it only before the command", name)
		}
		if root.Flags().Lookup(name) == nil {
			t.Errorf("--%s missing on the root", name)
		}
	}
}

// The root's -h notice is on stderr when -h is a global flag, on stdout
// before the usage when it follows an unknown word or "--" (probed).
func TestShorthandHelpNotice(t *testing.T) {
	fakeEngine(t)
	const notice = "Flag shorthand -h has been deprecated, use --help\n"
	cases := []struct {
		args       []string
		onStdout   bool
		wantPrefix string
	}{
		{[]string{"-h"}, false, "Usage:  docker [OPTIONS] COMMAND"},
		{[]string{"-D", "-h"}, false, "Usage:  docker [OPTIONS] COMMAND"},
		{[]string{"-h", "foo"}, false, "Usage:  docker [OPTIONS] COMMAND"},
		{[]string{"foo", "-h"}, true, notice + "Usage:  docker [OPTIONS] COMMAND"},
		{[]string{"-D", "foo", "-h"}, true, notice + "Usage:  docker [OPTIONS] COMMAND"},
		{[]string{"--", "-h"}, true, notice + "Usage:  docker [OPTIONS] COMMAND"},
		{[]string{"ps", "-h"}, true, notice + "Usage:  docker ps [OPTIONS]"},
	}
	for _, tc := range cases {
		stdout, stderr, code := run(tc.args...)
		wantErr := notice
		if tc.onStdout {
			wantErr = ""
		}
		if code != 0 || stderr != wantErr || !strings.HasPrefix(stdout, tc.wantPrefix) {
			t.Errorf("%q: code %d, stderr %q, stdout %.80q", tc.args, code, stderr, stdout)
		}
	}
}
