//go:build e2e

package registry

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/creack/pty"

	"github.com/dockerclone/docker/e2e/e2etest"
)

func configPath(t *testing.T) string { return filepath.Join(e2etest.ConfigDir(t), "config.json") }

func readConfig(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(configPath(t))
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	return string(b)
}

func writeConfig(t *testing.T, s string) {
	t.Helper()
	if err := os.WriteFile(configPath(t), []byte(s), 0o600); err != nil {
		t.Fatal(err)
	}
}

// fileEntry is the config.json the reference writes after a login to addr
// with the file store.
func fileEntry(addr, user, pass string) string {
	auth := base64.StdEncoding.EncodeToString([]byte(user + ":" + pass))
	return "{\n\t\"auths\": {\n\t\t\"" + addr + "\": {\n\t\t\t\"auth\": \"" + auth + "\"\n\t\t}\n\t}\n}"
}

func unencryptedWarning(t *testing.T) string {
	return "\nWARNING! Your credentials are stored unencrypted in '" + configPath(t) + "'.\n" +
		"Configure a credential helper to remove this warning. See\n" +
		"https://docs.docker.com/go/credential-store/\n\n"
}

func TestLoginPasswordStdin(t *testing.T) {
	addr, user, pass := e2etest.Registry(t)
	env := []string{noHelpersPath(t)}
	r := e2etest.RunWith(t, e2etest.Options{Env: env, Stdin: strings.NewReader(pass + "\r\n")},
		"login", "-u", user, "--password-stdin", addr)
	if r.Code != 0 || r.Stdout != "Login Succeeded\n" || r.Stderr != unencryptedWarning(t) {
		t.Fatalf("login: %s", r)
	}
	if got := readConfig(t); got != fileEntry(addr, user, pass) {
		t.Errorf("config.json:\n%s", got)
	}
	if fi, err := os.Stat(configPath(t)); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("config.json mode: %v %v", fi.Mode(), err)
	}

	// Same credentials again: no warning, file untouched.
	before, _ := os.Stat(configPath(t))
	time.Sleep(10 * time.Millisecond)
	r = e2etest.RunWith(t, e2etest.Options{Env: env, Stdin: strings.NewReader(pass)},
		"login", "-u", user, "--password-stdin", "http://"+addr+"/v2/")
	if r.Code != 0 || r.Stdout != "Login Succeeded\n" || r.Stderr != "" {
		t.Fatalf("second login: %s", r)
	}
	if after, _ := os.Stat(configPath(t)); !after.ModTime().Equal(before.ModTime()) {
		t.Errorf("config.json rewritten although unchanged")
	}
}

func TestLoginPasswordFlag(t *testing.T) {
	addr, user, pass := e2etest.Registry(t)
	r := e2etest.RunEnv(t, []string{noHelpersPath(t)}, "login", "-u", user, "-p", pass, addr)
	want := "WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n" + unencryptedWarning(t)
	if r.Code != 0 || r.Stdout != "Login Succeeded\n" || r.Stderr != want {
		t.Fatalf("login: %s", r)
	}
}

// refusedLogin is the engine's answer to a login with a wrong password (Docker
// names the registry's URL, Podman the registry).
func refusedLogin(t *testing.T, addr, user, pass string) string {
	return e2etest.DaemonError(t, http.MethodPost, "/auth", map[string]string{"username": user, "password": pass, "serveraddress": addr})
}

func TestLoginWrongPasswordKeepsConfig(t *testing.T) {
	addr, user, pass := e2etest.Registry(t)
	// A valid login stored in the reference's compact form must survive
	// byte for byte.
	old := `{"auths":{"` + addr + `":{"auth":"` + base64.StdEncoding.EncodeToString([]byte(user+":"+pass)) + `"}}}`
	writeConfig(t, old)
	r := e2etest.RunStdin(t, "wrong\n", "login", "-u", user, "--password-stdin", addr)
	want := refusedLogin(t, addr, user, "wrong") + "\n"
	if r.Code != 1 || r.Stdout != "" || r.Stderr != want {
		t.Errorf("wrong password: %s", r)
	}
	if got := readConfig(t); got != old {
		t.Errorf("config.json changed:\n%s", got)
	}
}

func TestLoginFlagErrors(t *testing.T) {
	addr, _, _ := e2etest.Registry(t)
	tests := []struct {
		args   []string
		stderr string
	}{
		{[]string{"-p", "x", "--password-stdin"}, "conflicting options: cannot specify both --password and --password-stdin\n"},
		{[]string{"--password-stdin"}, "the --password-stdin option requires --username to be set\n"},
		{[]string{"-u", "", "-p", "x"}, "username is empty\n"},
		{[]string{"-u", "x", "-p", ""}, "password is empty\n"},
		{[]string{"-u", "x"}, "Error: Cannot perform an interactive login from a non TTY device\n"},
		{[]string{}, "Error: Cannot perform an interactive login from a non TTY device\n"},
	}
	for _, tt := range tests {
		r := e2etest.RunEnv(t, []string{noHelpersPath(t)}, append(append([]string{"login"}, tt.args...), addr)...)
		if r.Code != 1 || r.Stdout != "" || r.Stderr != tt.stderr {
			t.Errorf("login %q: %s", tt.args, r)
		}
	}
	if got := readConfig(t); got != "" {
		t.Errorf("config.json written: %s", got)
	}
	r := e2etest.Run(t, "login", "a", "b")
	if r.Code != 1 || !strings.HasPrefix(r.Stderr, "docker: 'docker login' requires at most 1 argument\n") {
		t.Errorf("two servers: %s", r)
	}
}

func TestLoginExistingCredentials(t *testing.T) {
	addr, user, pass := e2etest.Registry(t)
	writeConfig(t, fileEntry(addr, user, pass))
	r := e2etest.RunEnv(t, []string{noHelpersPath(t)}, "login", addr)
	wantErr := "Authenticating with existing credentials... [Username: " + user + "]\n\n" +
		" Info -> To login with a different account, run 'docker logout' followed by 'docker login'\n\n\n"
	if r.Code != 0 || r.Stdout != "Login Succeeded\n" || r.Stderr != wantErr {
		t.Errorf("existing credentials: %s", r)
	}
	// Stale ones are reported and, without a terminal, end there.
	writeConfig(t, fileEntry(addr, user, "stale"))
	r = e2etest.RunEnv(t, []string{noHelpersPath(t)}, "login", addr)
	wantErr += "Login did not succeed, error: " + refusedLogin(t, addr, user, "stale") +
		"\nError: Cannot perform an interactive login from a non TTY device\n"
	if r.Code != 1 || r.Stdout != "" || r.Stderr != wantErr {
		t.Errorf("stale credentials: %s", r)
	}
}

// ptyOutput collects what the binary writes to its terminal.
type ptyOutput struct{ e2etest.Output }

func (o *ptyOutput) waitFor(t *testing.T, s string) {
	t.Helper()
	o.WaitFor(t, fmt.Sprintf("%q", s), func(out string) bool { return strings.Contains(out, s) })
}

func TestLoginPrompts(t *testing.T) {
	addr, user, pass := e2etest.Registry(t)
	bin, err := e2etest.Binary()
	if err != nil {
		t.Fatal(err)
	}
	// Stale stored credentials: the prompt offers their username.
	writeConfig(t, fileEntry(addr, user, "stale"))
	cmd := exec.Command(bin, "login", addr)
	cmd.Env = append(os.Environ(), "DOCKER_CONFIG="+e2etest.ConfigDir(t), noHelpersPath(t))
	ptmx, err := pty.Start(cmd)
	if err != nil {
		t.Fatal(err)
	}
	defer ptmx.Close()
	var out ptyOutput
	go func() { _, _ = bytes.NewBuffer(nil).ReadFrom(teeReader{ptmx, &out}) }()

	out.waitFor(t, "Username ("+user+"): ")
	ptmx.Write([]byte("\n")) // take the offered name
	out.waitFor(t, "Password: ")
	ptmx.Write([]byte(pass + "\n"))
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err = <-done:
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("login did not finish:\n%q", out.String())
	}
	out.waitFor(t, "Login Succeeded\r\n")
	got := out.String()
	if err != nil {
		t.Errorf("exit: %v\n%q", err, got)
	}
	if strings.Contains(got, pass) {
		t.Errorf("password echoed:\n%q", got)
	}
	// On a terminal the note is styled.
	if !strings.Contains(got, "\x1b[96mInfo \u2192 ") || !strings.Contains(got, "Password: \r\n") {
		t.Errorf("terminal output:\n%q", got)
	}
	if c := readConfig(t); c != fileEntry(addr, user, pass) {
		t.Errorf("config.json:\n%s", c)
	}
}

type teeReader struct {
	r *os.File
	w *ptyOutput
}

func (t teeReader) Read(p []byte) (int, error) {
	n, err := t.r.Read(p)
	t.w.Write(p[:n])
	return n, err
}

func decodeJSON(t *testing.T, s string) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		t.Fatalf("%v: %s", err, s)
	}
	return m
}

// Without a daemon, login asks the registry itself, as the reference does:
// https first, then http for a loopback registry.
func TestLoginWithoutDaemon(t *testing.T) {
	addr, user, pass := e2etest.Registry(t)
	env := []string{noHelpersPath(t), "DOCKER_HOST=unix:///nonexistent/docker.sock"}
	r := e2etest.RunWith(t, e2etest.Options{Env: env, Stdin: strings.NewReader("wrong\n")},
		"login", "-u", user, "--password-stdin", addr)
	if want := "login attempt to http://" + addr + "/v2/ failed with status: 401 Unauthorized\n"; r.Code != 1 || r.Stderr != want {
		t.Errorf("wrong password: %s", r)
	}
	r = e2etest.RunWith(t, e2etest.Options{Env: env, Stdin: strings.NewReader(pass + "\n")},
		"login", "-u", user, "--password-stdin", addr)
	if r.Code != 0 || r.Stdout != "Login Succeeded\n" {
		t.Fatalf("login: %s", r)
	}
	if got := readConfig(t); got != fileEntry(addr, user, pass) {
		t.Errorf("config.json:\n%s", got)
	}
}
