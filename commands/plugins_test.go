package commands

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// pluginConfig is a config dir with the given plugins (name -> shell body)
// in its cli-plugins directory, used through DOCKER_CONFIG.
func pluginConfig(t *testing.T, plugins map[string]string) string {
	t.Helper()
	fakeEngine(t)
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	for _, k := range []string{"DOCKER_BUILDKIT", "BUILDX_BUILDER", "DOCKER_HOST"} {
		t.Setenv(k, "")
		os.Unsetenv(k)
	}
	dir := t.TempDir()
	pdir := filepath.Join(dir, "cli-plugins")
	if err := os.MkdirAll(pdir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, body := range plugins {
		if err := os.WriteFile(filepath.Join(pdir, "docker-"+name), []byte("#!/bin/sh\n"+body+"\n"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("DOCKER_CONFIG", dir)
	return dir
}

// plugin answers the metadata call, then prints its argv and environment
// and exits 4.
func pluginScript(vendor, desc string) string {
	return `if [ "$1" = docker-cli-plugin-metadata ]; then
  echo '{"SchemaVersion":"0.1.0","Vendor":"` + vendor + `","Version":"1.2.3","ShortDescription":"` + desc + `"}'; exit 0
fi
echo "argv: $*"; echo "orig set: ${DOCKER_CLI_PLUGIN_ORIGINAL_CLI_COMMAND:+yes}"; echo "builder: $BUILDX_BUILDER"; echo "debug: $DEBUG"; echo "socket: ${DOCKER_CLI_PLUGIN_SOCKET:+set}"; exit 4`
}

func TestPluginRun(t *testing.T) {
	pluginConfig(t, map[string]string{
		"hello":   pluginScript("Example Inc.", "Say hello"),
		"badmeta": `echo nope`,
	})
	stdout, stderr, code := run("-D", "hello", "a", "--b")
	if code != 4 || stderr != "" || stdout != "argv: -D hello a --b\norig set: yes\nbuilder: \ndebug: 1\nsocket: set\n" {
		t.Errorf("docker -D hello a --b: code %d\nstdout %q\nstderr %q", code, stdout, stderr)
	}
	// -h before the name is parsed (and warned about) before the plugin runs.
	if _, stderr, _ := run("-h", "hello"); stderr != "Flag shorthand -h has been deprecated, use --help\n" {
		t.Errorf("docker -h hello: stderr %q", stderr)
	}
	_, stderr, code = run("badmeta")
	if code != 1 || stderr != "docker: unknown command: docker badmeta\n\nRun 'docker --help' for more information\n" {
		t.Errorf("an invalid plugin runs: code %d, stderr %q", code, stderr)
	}
	// help NAME hands the whole command line to the plugin, without the
	// CLI's socket; its failure is an exit status.
	stdout, stderr, code = run("help", "hello")
	if code != 1 || stdout != "argv: help hello\norig set: yes\nbuilder: \ndebug: \nsocket: \n" || stderr != "exit status 4\n" {
		t.Errorf("docker help hello: code %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if _, stderr, code = run("help", "badmeta"); code != 1 || stderr != "unknown help topic: badmeta\n" {
		t.Errorf("docker help badmeta: code %d, stderr %q", code, stderr)
	}
}

func TestPluginHelpAndCompletion(t *testing.T) {
	pluginConfig(t, map[string]string{
		"hello":  pluginScript("Example Inc.", "Say hello"),
		"ps":     pluginScript("Example Inc.", "clash"),
		"help":   pluginScript("Example Inc.", "clash"),
		"nojson": `echo nope`,
	})
	stdout, _, code := run("--help")
	for _, want := range []string{
		"\n  context     Manage contexts\n  hello*      Say hello\n  image ",
		"\nInvalid Plugins:\n  help        plugin \"help\" duplicates builtin command\n  nojson      invalid metadata: invalid character 'o' in literal null (expecting 'u')\n  ps          plugin \"ps\" duplicates builtin command\n\nGlobal Options:",
	} {
		if code != 0 || !strings.Contains(stdout, want) {
			t.Errorf("docker --help lacks %q:\n%s", want, stdout)
		}
	}
	// A docker-help plugin does not stand in for the help command.
	if help, _, code := run("help"); code != 0 || help != stdout {
		t.Errorf("docker help: code %d\n%s", code, help)
	}
	if stdout, _, _ := run("__complete", "he"); !strings.HasPrefix(stdout, "hello\tSay hello\nhelp\t") {
		t.Errorf("completing he: %q", stdout)
	}
	// Invalid plugins are completed too, and bake without buildx (help
	// lists neither among the commands).
	if stdout, _, _ := run("__complete", ""); !strings.Contains(stdout, "\nnojson\n") || !strings.Contains(stdout, "\nbake\tBuild from a file\n") {
		t.Errorf("completing a command name: %q", stdout)
	}
	if help, _, _ := run("--help"); strings.Contains(help, "bake") {
		t.Errorf("help lists bake:\n%s", help)
	}
	// Once the name is complete the plugin completes its own arguments.
	if stdout, _, code := run("__complete", "hello", "x", ""); code != 4 || !strings.HasPrefix(stdout, "argv: __complete hello x \n") {
		t.Errorf("completing hello's arguments: code %d, %q", code, stdout)
	}
	// Commands other than help never look at the plugins.
	if stdout, _, _ := run("context", "--help"); strings.Contains(stdout, "hello") {
		t.Errorf("context --help lists plugins:\n%s", stdout)
	}
}

func TestBuildDispatch(t *testing.T) {
	fakeBuildx := pluginScript("Docker Inc.", "Docker Buildx")
	tests := []struct {
		name      string
		plugins   map[string]string
		buildkit  string
		args      []string
		wantOut   string
		wantErr   string
		wantCode  int
		errPrefix bool
		notBuildx bool
	}{
		{name: "build runs buildx build", plugins: map[string]string{"buildx": fakeBuildx},
			args: []string{"build", "-t", "x", "."}, wantOut: "argv: buildx build -t x .\norig set: yes\nbuilder: default\ndebug: \nsocket: set\n", wantCode: 4},
		{name: "image build", plugins: map[string]string{"buildx": fakeBuildx},
			args: []string{"--context", "default", "image", "build", "."}, wantOut: "argv: --context default buildx build .\norig set: yes\nbuilder: default\ndebug: \nsocket: set\n", wantCode: 4},
		{name: "builder is buildx", plugins: map[string]string{"buildx": fakeBuildx},
			args: []string{"builder", "prune", "-f"}, wantOut: "argv: buildx prune -f\norig set: yes\nbuilder: default\ndebug: \nsocket: set\n", wantCode: 4},
		{name: "bake", plugins: map[string]string{"buildx": fakeBuildx},
			args: []string{"bake"}, wantOut: "argv: buildx bake\norig set: yes\nbuilder: default\ndebug: \nsocket: set\n", wantCode: 4},
		{name: "DOCKER_BUILDKIT=0 keeps the legacy builder", plugins: map[string]string{"buildx": fakeBuildx}, buildkit: "0",
			args: []string{"build"}, wantErr: legacyDisabledNotice + "\ndocker: 'docker build' requires 1 argument", wantCode: 1, errPrefix: true},
		{name: "no buildx: the legacy builder's notice",
			args: []string{"builder", "prune", "--bogus"}, wantErr: legacyNotice + "\nunknown flag: --bogus", wantCode: 125, errPrefix: true},
		{name: "BuildKit asked for without buildx", buildkit: "1",
			args: []string{"build", "."}, wantErr: buildxMissing + "\n", wantCode: 1},
		{name: "bake without buildx",
			args: []string{"bake"}, wantErr: bakeMissing + "\n", wantCode: 1},
		{name: "DOCKER_BUILDKIT must be a boolean", buildkit: "bogus",
			args: []string{"version", "--help"}, wantErr: "DOCKER_BUILDKIT environment variable expects boolean value: strconv.ParseBool: parsing \"bogus\": invalid syntax\n", wantCode: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pluginConfig(t, tt.plugins)
			if tt.buildkit != "" {
				t.Setenv("DOCKER_BUILDKIT", tt.buildkit)
			}
			stdout, stderr, code := run(tt.args...)
			errOK := stderr == tt.wantErr || tt.errPrefix && strings.HasPrefix(stderr, tt.wantErr)
			if code != tt.wantCode || stdout != tt.wantOut && tt.wantOut != "" || !errOK {
				t.Errorf("code %d\nstdout %q\nstderr %q", code, stdout, stderr)
			}
		})
	}
}

func TestWantsPluginList(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want bool
	}{
		{nil, true},
		{[]string{"--help"}, true},
		{[]string{"-D", "help"}, true},
		{[]string{"help", "ps"}, false},
		{[]string{"__complete", ""}, true},
		{[]string{"__complete", "-D", "co"}, true},
		{[]string{"__complete", "ps", ""}, false},
		{[]string{"ps"}, false},
		{[]string{"completion", "bash"}, false},
	} {
		if got := wantsPluginList(tc.args); got != tc.want {
			t.Errorf("wantsPluginList(%q) = %v", tc.args, got)
		}
	}
}
