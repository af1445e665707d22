// Package e2etest runs the built docker binary as a subprocess against the
// real engine brought up by scripts/engine.sh, and cleans up after it.
//
// Each test package calls Main from its TestMain. Every test gets its own
// DOCKER_CONFIG so that logins and contexts never leak between tests or from
// the developer's machine. The package is not behind the e2e build tag so that
// it is always compiled and vetted; only the tests that use it are.
package e2etest

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// Image is the fixture image scripts/engine.sh imports into the engine.
const Image = "busybox:latest"

// DefaultTimeout bounds one run of the binary so a hang fails the test
// instead of the whole suite.
const DefaultTimeout = 2 * time.Minute

// Result is what one run of the binary produced.
type Result struct {
	Stdout, Stderr string
	Code           int
}

// Options are the less common knobs of a run.
type Options struct {
	Stdin   io.Reader     // nil means an empty stdin
	Env     []string      // KEY=VALUE added last, so they win (DOCKER_CONFIG too)
	Timeout time.Duration // zero means DefaultTimeout
}

// hermeticEnv are variables from the developer's shell that would point the
// binary at other configuration or another engine; Main drops them.
var hermeticEnv = []string{
	"DOCKER_CONFIG", "DOCKER_CONTEXT", "DOCKER_API_VERSION",
	"DOCKER_CERT_PATH", "DOCKER_TLS", "DOCKER_TLS_VERIFY",
}

// apiVersion is pinned as DOCKER_API_VERSION in every run: $E2E_API_VERSION,
// set by the version matrix (make test-matrix). "" negotiates.
var apiVersion string

// Main checks the environment the e2e tests need, failing loudly rather than
// skipping, and runs the tests: func TestMain(m *testing.M) { e2etest.Main(m) }.
// The cleanups run after the tests.
func Main(m *testing.M, cleanups ...func()) {
	apiVersion = os.Getenv("E2E_API_VERSION")
	if err := checkEnv(); err != nil {
		fmt.Fprintf(os.Stderr, "e2e: %v\n", err)
		os.Exit(2)
	}
	for _, k := range hermeticEnv {
		os.Unsetenv(k)
	}
	code := m.Run()
	for _, f := range cleanups {
		f()
	}
	// Whatever the tests did, the password must not have leaked.
	if err := checkSecrets(os.Getenv("E2E_REG_PASS")); err != nil {
		fmt.Fprintf(os.Stderr, "e2e: %v\n", err)
		code = 1
	}
	os.Exit(code)
}

func checkEnv() error {
	if os.Getenv("DOCKER_HOST") == "" {
		return errors.New(`DOCKER_HOST is not set; run: eval "$(scripts/engine.sh)"`)
	}
	bin, err := Binary()
	if err != nil {
		return err
	}
	if fi, err := os.Stat(bin); err != nil {
		return fmt.Errorf("docker binary: %w (build it with: go build -o bin/docker ./cmd/docker)", err)
	} else if fi.IsDir() || fi.Mode().Perm()&0o111 == 0 {
		return fmt.Errorf("docker binary %s is not an executable file", bin)
	}
	if err := ping(); err != nil {
		return fmt.Errorf("engine at DOCKER_HOST=%s: %w", os.Getenv("DOCKER_HOST"), err)
	}
	return nil
}

// Binary is the binary under test: $DOCKER_BIN, or bin/docker at the root of
// the module the tests run in.
func Binary() (string, error) {
	if b := os.Getenv("DOCKER_BIN"); b != "" {
		return filepath.Abs(b)
	}
	root, err := moduleRoot()
	if err != nil {
		return "", err
	}
	return filepath.Join(root, "bin", "docker"), nil
}

// moduleRoot walks up from the working directory (the test's package
// directory under go test) to the directory holding go.mod.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory; set DOCKER_BIN")
		}
		dir = parent
	}
}

// Run runs the binary with args and returns its output and exit code. A
// binary that cannot start or outlives DefaultTimeout fails the test.
func Run(t testing.TB, args ...string) Result {
	t.Helper()
	return RunWith(t, Options{}, args...)
}

// RunStdin is Run with stdin fed from a string.
func RunStdin(t testing.TB, stdin string, args ...string) Result {
	t.Helper()
	return RunWith(t, Options{Stdin: strings.NewReader(stdin)}, args...)
}

// RunEnv is Run with extra KEY=VALUE environment entries.
func RunEnv(t testing.TB, env []string, args ...string) Result {
	t.Helper()
	return RunWith(t, Options{Env: env}, args...)
}

// RunOK is Run that fails the test unless the binary exits 0.
func RunOK(t testing.TB, args ...string) Result {
	t.Helper()
	r := Run(t, args...)
	if r.Code != 0 {
		t.Fatalf("docker %s: exit %d\n%s", strings.Join(args, " "), r.Code, r)
	}
	return r
}

// RunWith runs the binary with args and the given options.
func RunWith(t testing.TB, opts Options, args ...string) Result {
	t.Helper()
	bin, err := Binary()
	if err != nil {
		t.Fatal(err)
	}
	timeout := opts.Timeout
	if timeout == 0 {
		timeout = DefaultTimeout
	}
	ctx, cancel := context.WithTimeout(t.Context(), timeout)
	defer cancel()

	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = append(os.Environ(), "DOCKER_CONFIG="+configFor(t))
	if apiVersion != "" {
		cmd.Env = append(cmd.Env, "DOCKER_API_VERSION="+apiVersion)
	}
	cmd.Env = append(cmd.Env, opts.Env...) // later duplicates win
	cmd.Stdin = opts.Stdin
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	// A child that keeps the pipes open (attach, -f) must not hang Wait.
	cmd.WaitDelay = 5 * time.Second

	err = cmd.Run()
	r := Result{Stdout: stdout.String(), Stderr: stderr.String()}
	record(t, r)
	var exitErr *exec.ExitError
	switch {
	case ctx.Err() != nil:
		t.Fatalf("docker %s: no exit within %s\n%s", strings.Join(args, " "), timeout, r)
	case errors.As(err, &exitErr):
		r.Code = exitErr.ExitCode()
	case err != nil:
		t.Fatalf("docker %s: %v", strings.Join(args, " "), err)
	}
	return r
}

// String shows a result in failure messages.
func (r Result) String() string {
	return fmt.Sprintf("exit code: %d\n--- stdout:\n%s\n--- stderr:\n%s", r.Code, r.Stdout, r.Stderr)
}

var (
	configMu sync.Mutex
	configs  = map[testing.TB]string{}
)

// ConfigDir is the DOCKER_CONFIG the test's runs use: $DOCKER_CONFIG if the
// test set it (t.Setenv), else one temporary directory per test, shared by
// all its runs so that a login is seen by a later pull. Tests may write a
// config.json into it.
func ConfigDir(t testing.TB) string {
	return configFor(t)
}

func configFor(t testing.TB) string {
	if dir := os.Getenv("DOCKER_CONFIG"); dir != "" {
		return dir
	}
	configMu.Lock()
	defer configMu.Unlock()
	if dir, ok := configs[t]; ok {
		return dir
	}
	dir := t.TempDir()
	configs[t] = dir
	t.Cleanup(func() {
		configMu.Lock()
		delete(configs, t)
		configMu.Unlock()
	})
	return dir
}

// UniqueName returns prefix followed by a random suffix, valid as a container
// name and as an image repository (lower case), so parallel and repeated runs
// never collide.
func UniqueName(t testing.TB, prefix string) string {
	t.Helper()
	b := make([]byte, 5)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return strings.ToLower(prefix) + "-" + hex.EncodeToString(b)
}

// Registry returns the local registry and its credentials from the variables
// scripts/engine.sh prints, failing the test when they are missing.
func Registry(t testing.TB) (addr, user, pass string) {
	t.Helper()
	addr, user, pass = os.Getenv("E2E_REGISTRY"), os.Getenv("E2E_REG_USER"), os.Getenv("E2E_REG_PASS")
	if addr == "" || user == "" || pass == "" {
		t.Fatal(`E2E_REGISTRY, E2E_REG_USER and E2E_REG_PASS must be set; run: eval "$(scripts/engine.sh)"`)
	}
	return addr, user, pass
}

// RegistryImage is the fixture image as pushed to the local registry; it is
// not present in the engine until a test pulls it.
func RegistryImage(t testing.TB) string {
	t.Helper()
	addr, _, _ := Registry(t)
	return addr + "/e2e/busybox:latest"
}

// Bridge is the network bridge of the e2e engine (scripts/engine.sh), for
// extra daemons a test starts: they must never be given --bridge=none, which
// makes dockerd delete the machine's docker0.
func Bridge() string {
	if b := os.Getenv("E2E_BRIDGE"); b != "" {
		return b
	}
	return "dclone0"
}
