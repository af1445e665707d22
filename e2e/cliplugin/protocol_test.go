//go:build e2e

package cliplugin

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/creack/pty"

	"github.com/dockerclone/docker/e2e/e2etest"
)

const helloMetadata = `{"SchemaVersion":"0.1.0","Vendor":"Example Inc.","Version":"1.2.3","ShortDescription":"Say hello"}`

func helloPlugin(t *testing.T) {
	script(t, "hello", `if [ "$1" = docker-cli-plugin-metadata ]; then echo '`+helloMetadata+`'; exit 0; fi
echo "argv: $*"
echo "orig: $DOCKER_CLI_PLUGIN_ORIGINAL_CLI_COMMAND"
echo "socket: ${DOCKER_CLI_PLUGIN_SOCKET%%_cli_*}"
echo "host: $DOCKER_HOST"
exit 4`)
}

// A plugin gets the command line as typed, the protocol's environment and
// the terminal; its exit code is the CLI's.
func TestPluginRun(t *testing.T) {
	helloPlugin(t)
	bin, _ := e2etest.Binary()
	r := e2etest.RunEnv(t, cacheEnv(t), "-D", "hello", "a", "--b", "c")
	want := "argv: -D hello a --b c\norig: " + bin + "\nsocket: @docker\nhost: " + os.Getenv("DOCKER_HOST") + "\n"
	if r.Code != 4 || r.Stdout != want || r.Stderr != "" {
		t.Errorf("docker -D hello a --b c:\n%s\nwant stdout:\n%s", r, want)
	}
	// help NAME is the plugin's to answer; a failure is reported as an exit status.
	r = e2etest.RunEnv(t, cacheEnv(t), "help", "hello")
	if r.Code != 1 || !strings.HasPrefix(r.Stdout, "argv: help hello\n") || r.Stderr != "exit status 4\n" {
		t.Errorf("docker help hello:\n%s", r)
	}
}

// Invalid plugins are listed as the reference lists them, and never run.
func TestPluginListing(t *testing.T) {
	helloPlugin(t)
	script(t, "badmeta", `echo not json`)
	script(t, "ps", `echo '`+helloMetadata+`'`)
	script(t, "Bad", `echo '`+helloMetadata+`'`)
	dir := pluginDir(t)
	r := e2etest.RunEnv(t, cacheEnv(t), "--help")
	for _, want := range []string{
		"\n  hello*      Say hello\n",
		"\nInvalid Plugins:\n" +
			"  Bad         plugin candidate \"Bad\" did not match \"^[a-z][a-z0-9]*$\"\n" +
			"  badmeta     invalid metadata: invalid character 'o' in literal null (expecting 'u')\n" +
			"  ps          plugin \"ps\" duplicates builtin command\n\nGlobal Options:\n",
	} {
		if r.Code != 0 || !strings.Contains(r.Stdout, want) {
			t.Errorf("docker --help lacks %q:\n%s", want, r)
		}
	}
	r = e2etest.RunEnv(t, cacheEnv(t), "badmeta")
	if r.Code != 1 || r.Stderr != "docker: unknown command: docker badmeta\n\nRun 'docker --help' for more information\n" {
		t.Errorf("an invalid plugin:\n%s", r)
	}
	r = e2etest.RunEnv(t, cacheEnv(t), "info")
	client, _, _ := strings.Cut(r.Stdout, "\nServer:")
	wantClient := " Plugins:\n  hello: Say hello (Example Inc.)\n    Version:  1.2.3\n    Path:     " + filepath.Join(dir, "docker-hello") + "\n"
	if r.Code != 0 || !strings.HasSuffix(client, wantClient) ||
		!strings.Contains(r.Stderr, `WARNING: Plugin "`+filepath.Join(dir, "docker-ps")+`" is not valid: plugin "ps" duplicates builtin command`) {
		t.Errorf("docker info:\n%s", r)
	}
	// Completion lists plugins and hands their arguments to them.
	r = e2etest.RunEnv(t, cacheEnv(t), "__complete", "hel")
	if !strings.HasPrefix(r.Stdout, "hello\tSay hello\nhelp\t") {
		t.Errorf("completing hel:\n%s", r)
	}
	r = e2etest.RunEnv(t, cacheEnv(t), "__complete", "hello", "x", "")
	if r.Code != 4 || !strings.HasPrefix(r.Stdout, "argv: __complete hello x \n") {
		t.Errorf("completing hello's arguments:\n%s", r)
	}
}

// waiterPlugin installs this test binary as docker-waiter.
func waiterPlugin(t *testing.T) []string {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(exe, filepath.Join(pluginDir(t), "docker-waiter")); err != nil {
		t.Fatal(err)
	}
	return append(cacheEnv(t), envWaiter+"=1", "DOCKER_CONFIG="+e2etest.ConfigDir(t))
}

// startWaiter runs docker waiter (on a terminal when tty) and returns once
// the plugin is waiting; ptmx is the terminal's master side.
func startWaiter(t *testing.T, env []string, tty bool) (cmd *exec.Cmd, out *bufio.Reader, ptmx *os.File) {
	t.Helper()
	bin, _ := e2etest.Binary()
	cmd = exec.Command(bin, "waiter")
	cmd.Env = append(os.Environ(), env...)
	cleanup := func() {}
	if tty {
		var err error
		if ptmx, err = pty.Start(cmd); err != nil {
			t.Fatal(err)
		}
		out, cleanup = bufio.NewReader(ptmx), func() { ptmx.Close() }
	} else {
		pipe, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		out = bufio.NewReader(pipe)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait(); cleanup() })
	if line := readLine(t, out); line != "waiting" {
		t.Fatalf("the plugin said %q", line)
	}
	return cmd, out, ptmx
}

func readLine(t *testing.T, r *bufio.Reader) string {
	t.Helper()
	done := make(chan string, 1)
	go func() {
		line, _ := r.ReadString('\n')
		done <- strings.TrimRight(line, "\r\n")
	}()
	select {
	case line := <-done:
		return line
	case <-time.After(30 * time.Second):
		t.Fatal("no output from the plugin")
		return ""
	}
}

// Without a terminal a SIGINT to the CLI reaches the plugin as the closing
// of the plugin socket; the CLI waits for it and passes its status on.
func TestPluginCLIExitedNotification(t *testing.T) {
	env := waiterPlugin(t)
	cmd, out, _ := startWaiter(t, env, false)
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	if line := readLine(t, out); line != "cli exited" {
		t.Errorf("after SIGINT to the CLI the plugin said %q", line)
	}
	if err := cmd.Wait(); err != nil {
		t.Errorf("the CLI exited with %v, want the plugin's 0", err)
	}
}

// On a terminal Ctrl-C reaches the plugin itself (same process group); the
// CLI leaves it alone and exits with the plugin's status.
func TestPluginCtrlC(t *testing.T) {
	env := waiterPlugin(t)
	cmd, out, ptmx := startWaiter(t, env, true)
	if _, err := ptmx.Write([]byte{3}); err != nil {
		t.Fatal(err)
	}
	var rest bytes.Buffer
	for line := readLine(t, out); ; line = readLine(t, out) {
		rest.WriteString(line + "\n")
		if strings.Contains(line, "interrupted") || strings.Contains(line, "exited") {
			break
		}
	}
	if !strings.Contains(rest.String(), "interrupted") {
		t.Errorf("after Ctrl-C the plugin said %q", rest.String())
	}
	err := cmd.Wait()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 130 {
		t.Errorf("the CLI exited with %v, want the plugin's 130", err)
	}
}
