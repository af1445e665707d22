package commands

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCommandName(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{nil, ""},
		{[]string{"ps", "-a"}, "ps"},
		{[]string{"-H", "unix:///x", "ps"}, "ps"},
		{[]string{"--host=unix:///x", "images"}, "images"},
		{[]string{"-D", "--context", "ctx", "run", "busybox"}, "run"},
		{[]string{"-Dc", "ctx", "logs", "x"}, "logs"},
		{[]string{"--config", "/tmp/c", "container", "ls"}, "container"},
		{[]string{"help", "ps"}, ""},
		{[]string{"__complete", "ps", ""}, ""},
		{[]string{"completion", "bash"}, ""},
		{[]string{"--help"}, ""},
		{[]string{"--", "ps"}, ""},
		{[]string{"-H", "x", "--", "ps"}, ""},
	}
	for _, tc := range cases {
		if got := commandName(tc.args); got != tc.want {
			t.Errorf("commandName(%q) = %q, want %q", tc.args, got, tc.want)
		}
	}
}

// TestConfigWarningComesFirst: like the reference, config.json is read once
// the global flags are settled, before help, version or a flag error, and
// not at all when the log level or -H/--context are refused.
func TestConfigWarningComesFirst(t *testing.T) {
	fakeEngine(t)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "config.json"), []byte("{"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("DOCKER_CONFIG", dir)
	warning := "WARNING: Error parsing config file (" + dir + "/config.json): unexpected EOF\n"
	tests := []struct {
		args     []string
		wantErr  string
		wantCode int
	}{
		{[]string{"--help"}, warning, 0},
		{[]string{"-v"}, warning, 0},
		{[]string{"context", "--help"}, warning, 0},
		{[]string{"--nosuch"}, warning + "unknown flag: --nosuch\n\nUsage:  docker [OPTIONS] COMMAND [ARG...]\n\nRun 'docker --help' for more information\n", 125},
		{[]string{"--config", t.TempDir(), "--help"}, "", 0},
		{[]string{"-l", "bogus", "--help"}, "Unable to parse logging level: bogus\n", 1},
		{[]string{"-H", "x", "--context", "y", "version"}, "conflicting options: cannot specify both --host and --context\n", 1},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			_, stderr, code := run(tt.args...)
			if stderr != tt.wantErr || code != tt.wantCode {
				t.Errorf("stderr %q code %d, want %q %d", stderr, code, tt.wantErr, tt.wantCode)
			}
		})
	}
}

func TestConfigLoadErrorWording(t *testing.T) {
	fakeEngine(t)
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	_, stderr, _ := run("--config", file, "-v")
	want := "WARNING: Error loading config file: open " + file + "/config.json: not a directory\n"
	if stderr != want {
		t.Errorf("stderr %q, want %q", stderr, want)
	}
}

// TestTLSClientCertDefaults: with TLS on, a default client certificate or
// key that does not exist is dropped, and help shows no default for it.
func TestTLSClientCertDefaults(t *testing.T) {
	fakeEngine(t)
	dir := t.TempDir()
	t.Setenv("DOCKER_CONFIG", dir)
	t.Setenv("DOCKER_CERT_PATH", dir)
	if err := os.WriteFile(filepath.Join(dir, "cert.pem"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	stdout, _, _ := run("--tls", "--help")
	if !strings.Contains(stdout, "  --tlskey string      Path to TLS key file\n") {
		t.Errorf("missing key file keeps its default:\n%s", stdout)
	}
	if !strings.Contains(stdout, "Path to TLS certificate file (default") {
		t.Errorf("existing cert file lost its default:\n%s", stdout)
	}
	stdout, _, _ = run("--help")
	if !strings.Contains(stdout, "Path to TLS key file (default") {
		t.Errorf("without TLS the default must stay:\n%s", stdout)
	}
}
