package registry

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/config"
)

func TestCheckLoginFlags(t *testing.T) {
	tests := []struct {
		name string
		o    loginOptions
		want error
	}{
		{"none", loginOptions{}, nil},
		{"user and password", loginOptions{user: "u", userSet: true, password: "p", passwordSet: true}, nil},
		{"stdin with user", loginOptions{user: "u", userSet: true, passwordStdin: true}, nil},
		{"both passwords", loginOptions{user: "", userSet: true, password: "", passwordSet: true, passwordStdin: true}, errBothPasswords},
		{"empty user", loginOptions{userSet: true, password: "", passwordSet: true}, errEmptyUser},
		{"empty user with stdin", loginOptions{userSet: true, passwordStdin: true}, errEmptyUser},
		{"empty password", loginOptions{user: "u", userSet: true, passwordSet: true}, errEmptyPassword},
		{"stdin without user", loginOptions{passwordStdin: true}, errStdinNoUser},
		{"blank user is not empty", loginOptions{user: " ", userSet: true, password: "p", passwordSet: true}, nil},
	}
	for _, tt := range tests {
		if got := checkLoginFlags(tt.o); got != tt.want {
			t.Errorf("%s: got %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestReadPasswordStdin(t *testing.T) {
	tests := map[string]string{
		"s3cret\n":   "s3cret",
		"s3cret\r\n": "s3cret",
		"s3cret\r":   "s3cret",
		"s3cret\n\n": "s3cret\n", // one newline only
		"s3cret":     "s3cret",
		"":           "",
		" s 3 \n":    " s 3 ",
	}
	for in, want := range tests {
		if got, err := readPasswordStdin(strings.NewReader(in)); err != nil || got != want {
			t.Errorf("readPasswordStdin(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
}

func TestLogoutTargets(t *testing.T) {
	tests := []struct {
		server, host string
		targets      []string
	}{
		{"", "https://index.docker.io/v1/", []string{"https://index.docker.io/v1/"}},
		{"127.0.0.1:5055", "127.0.0.1:5055", []string{"127.0.0.1:5055", "127.0.0.1:5055", "http://127.0.0.1:5055", "https://127.0.0.1:5055"}},
		{"http://h:1/v2/", "h:1", []string{"http://h:1/v2/", "h:1", "http://h:1", "https://h:1"}},
		{"docker.io", "docker.io", []string{"docker.io", "docker.io", "http://docker.io", "https://docker.io"}},
	}
	for _, tt := range tests {
		host, targets := logoutTargets(tt.server)
		if host != tt.host || strings.Join(targets, " ") != strings.Join(tt.targets, " ") {
			t.Errorf("logoutTargets(%q) = %q %q", tt.server, host, targets)
		}
	}
}

// fakeAuth accepts tester/s3cret (and returns token, if set); anything
// else gets the daemon's 500, or 401 when status401 is set.
type fakeAuth struct {
	token     string
	status401 bool
	calls     []engine.AuthRequest
}

func (f *fakeAuth) auth(_ context.Context, req engine.AuthRequest) (engine.AuthResponse, error) {
	f.calls = append(f.calls, req)
	if req.Username == "tester" && req.Password == "s3cret" {
		return engine.AuthResponse{Status: "Login Succeeded", IdentityToken: f.token}, nil
	}
	code := 500
	if f.status401 {
		code = 401
	}
	return engine.AuthResponse{}, &engine.APIError{StatusCode: code, Message: "login attempt to http://" + req.ServerAddress + "/v2/ failed with status: 401 Unauthorized"}
}

type env struct {
	dir           string
	cfg           *config.File
	streams       cli.Streams
	stdout, stder *bytes.Buffer
}

func newEnv(t *testing.T, configJSON, stdin string) *env {
	t.Helper()
	t.Setenv("PATH", t.TempDir()) // no credential helper may be picked up
	e := &env{dir: t.TempDir(), stdout: &bytes.Buffer{}, stder: &bytes.Buffer{}}
	if configJSON != "" {
		if err := os.WriteFile(e.path(), []byte(configJSON), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	cfg, err := config.Load(e.dir)
	if err != nil {
		t.Fatal(err)
	}
	e.cfg = cfg
	e.streams = cli.Streams{In: cli.NewIn(strings.NewReader(stdin)), Out: cli.NewUnbufferedOut(e.stdout), Err: cli.NewUnbufferedOut(e.stder)}
	return e
}

func (e *env) path() string { return filepath.Join(e.dir, config.FileName) }

func (e *env) file(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(e.path())
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		t.Fatal(err)
	}
	return string(b)
}

const (
	storedGood  = `{"auths":{"127.0.0.1:5055":{"auth":"dGVzdGVyOnMzY3JldA=="}}}` // tester:s3cret
	storedWrong = `{"auths":{"127.0.0.1:5055":{"auth":"dGVzdGVyOndyb25n"}}}`     // tester:wrong
	savedGood   = "{\n\t\"auths\": {\n\t\t\"127.0.0.1:5055\": {\n\t\t\t\"auth\": \"dGVzdGVyOnMzY3JldA==\"\n\t\t}\n\t}\n}"
	existing    = "Authenticating with existing credentials... [Username: tester]\n\n" +
		" Info -> To login with a different account, run 'docker logout' followed by 'docker login'\n\n\n"
)

func TestLogin(t *testing.T) {
	warn := func(e *env) string {
		return "\nWARNING! Your credentials are stored unencrypted in '" + e.path() + "'.\n" +
			"Configure a credential helper to remove this warning. See\nhttps://docs.docker.com/go/credential-store/\n\n"
	}
	tests := []struct {
		name       string
		config     string
		stdin      string
		opts       loginOptions
		fake       fakeAuth
		wantErr    string
		wantStdout string
		wantStderr func(*env) string
		wantFile   string // "=" means unchanged
		wantServer string // serveraddress sent
	}{
		{
			name: "password stdin", stdin: "s3cret\n",
			opts:       loginOptions{user: "tester", userSet: true, passwordStdin: true, server: "127.0.0.1:5055"},
			wantStdout: "Login Succeeded\n", wantStderr: warn, wantFile: savedGood, wantServer: "127.0.0.1:5055",
		},
		{
			name:       "password flag, url server, spaces trimmed",
			opts:       loginOptions{user: " tester ", userSet: true, password: "s3cret ", passwordSet: true, server: "http://127.0.0.1:5055/v2/"},
			wantStdout: "Login Succeeded\n",
			wantStderr: func(e *env) string { return warnPasswordFlag + "\n" + warn(e) },
			wantFile:   savedGood, wantServer: "127.0.0.1:5055",
		},
		{
			name: "wrong password leaves config alone", config: storedGood, stdin: "wrong\n",
			opts:     loginOptions{user: "tester", userSet: true, passwordStdin: true, server: "127.0.0.1:5055"},
			wantErr:  "Error response from daemon: login attempt to http://127.0.0.1:5055/v2/ failed with status: 401 Unauthorized",
			wantFile: "=", wantServer: "127.0.0.1:5055",
		},
		{
			name: "same credentials do not rewrite or warn", config: storedGood, stdin: "s3cret",
			opts:       loginOptions{user: "tester", userSet: true, passwordStdin: true, server: "127.0.0.1:5055"},
			wantStdout: "Login Succeeded\n", wantFile: "=", wantServer: "127.0.0.1:5055",
		},
		{
			name: "existing credentials", config: storedGood, opts: loginOptions{server: "127.0.0.1:5055"},
			wantStdout: "Login Succeeded\n", wantStderr: func(*env) string { return existing },
			wantFile: "=", wantServer: "127.0.0.1:5055",
		},
		{
			name: "stale credentials then no TTY", config: storedWrong, opts: loginOptions{server: "127.0.0.1:5055"},
			wantErr: errNonTTY.Error(),
			wantStderr: func(*env) string {
				return existing + "Login did not succeed, error: Error response from daemon: login attempt to http://127.0.0.1:5055/v2/ failed with status: 401 Unauthorized\n"
			},
			wantFile: "=", wantServer: "127.0.0.1:5055",
		},
		{
			name: "daemon 401 on stored credentials", config: storedWrong, opts: loginOptions{server: "127.0.0.1:5055"},
			fake:    fakeAuth{status401: true},
			wantErr: errNonTTY.Error(), wantStderr: func(*env) string { return existing + "Stored credentials invalid or expired\n" },
			wantFile: "=", wantServer: "127.0.0.1:5055",
		},
		{
			name: "username flag skips stored credentials", config: storedGood,
			opts:    loginOptions{user: "tester", userSet: true, server: "127.0.0.1:5055"},
			wantErr: errNonTTY.Error(), wantFile: "=",
		},
		{
			name: "identity token replaces the password", stdin: "s3cret\n", fake: fakeAuth{token: "TOK"},
			opts:       loginOptions{user: "tester", userSet: true, passwordStdin: true, server: "127.0.0.1:5055"},
			wantStdout: "Login Succeeded\n",
			wantFile:   "{\n\t\"auths\": {\n\t\t\"127.0.0.1:5055\": {\n\t\t\t\"auth\": \"dGVzdGVyOg==\",\n\t\t\t\"identitytoken\": \"TOK\"\n\t\t}\n\t}\n}",
			wantServer: "127.0.0.1:5055",
		},
		{
			name: "docker hub key", stdin: "s3cret\n",
			opts:       loginOptions{user: "tester", userSet: true, passwordStdin: true, server: "docker.io"},
			wantStdout: "Login Succeeded\n", wantStderr: warn,
			wantFile:   "{\n\t\"auths\": {\n\t\t\"https://index.docker.io/v1/\": {\n\t\t\t\"auth\": \"dGVzdGVyOnMzY3JldA==\"\n\t\t}\n\t}\n}",
			wantServer: "https://index.docker.io/v1/",
		},
		{
			name: "empty stdin password needs a TTY", stdin: "\n",
			opts:    loginOptions{user: "tester", userSet: true, passwordStdin: true, server: "127.0.0.1:5055"},
			wantErr: errNonTTY.Error(),
		},
		{
			name: "flag error comes before anything", opts: loginOptions{passwordStdin: true, password: "x", passwordSet: true},
			wantErr: errBothPasswords.Error(),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t, tt.config, tt.stdin)
			before := e.file(t)
			fake := tt.fake
			err := runLogin(context.Background(), e.streams, e.cfg, fake.auth, tt.opts)
			if got := errString(err); got != tt.wantErr {
				t.Errorf("error = %q, want %q", got, tt.wantErr)
			}
			if e.stdout.String() != tt.wantStdout {
				t.Errorf("stdout = %q, want %q", e.stdout, tt.wantStdout)
			}
			wantStderr := ""
			if tt.wantStderr != nil {
				wantStderr = tt.wantStderr(e)
			}
			if e.stder.String() != wantStderr {
				t.Errorf("stderr = %q\nwant     %q", e.stder, wantStderr)
			}
			want := tt.wantFile
			if want == "=" {
				want = before
			}
			if got := e.file(t); got != want {
				t.Errorf("config.json:\n%s\nwant:\n%s", got, want)
			}
			if tt.wantServer != "" && (len(fake.calls) == 0 || fake.calls[len(fake.calls)-1].ServerAddress != tt.wantServer) {
				t.Errorf("auth calls = %+v, want server %s", fake.calls, tt.wantServer)
			}
			if tt.wantServer == "" && len(fake.calls) != 0 {
				t.Errorf("unexpected auth calls %+v", fake.calls)
			}
		})
	}
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

func TestLogout(t *testing.T) {
	tests := []struct {
		name, config, server, stdout, file string
	}{
		{
			name:   "exact keys only",
			config: `{"auths":{"127.0.0.1:5055":{"auth":"dTpw"},"http://127.0.0.1:5055":{"auth":"dTpw"},"https://127.0.0.1:5055":{"auth":"dTpw"},"https://127.0.0.1:5055/v1/":{"auth":"dTpw"},"other":{"auth":"dTpw"}}}`,
			server: "http://127.0.0.1:5055/v2/", stdout: "Removing login credentials for 127.0.0.1:5055\n",
			file: "{\n\t\"auths\": {\n\t\t\"https://127.0.0.1:5055/v1/\": {\n\t\t\t\"auth\": \"dTpw\"\n\t\t},\n\t\t\"other\": {\n\t\t\t\"auth\": \"dTpw\"\n\t\t}\n\t}\n}",
		},
		{
			name:   "default is the hub key",
			config: `{"auths":{"https://index.docker.io/v1/":{"auth":"dTpw"},"docker.io":{"auth":"dTpw"}}}`,
			stdout: "Removing login credentials for https://index.docker.io/v1/\n",
			file:   "{\n\t\"auths\": {\n\t\t\"docker.io\": {\n\t\t\t\"auth\": \"dTpw\"\n\t\t}\n\t}\n}",
		},
		{
			name:   "nothing to remove leaves the file alone",
			config: `{"auths":{"a:1":{"auth":"dTpw"}}}`, server: "b:1",
			stdout: "Removing login credentials for b:1\n", file: `{"auths":{"a:1":{"auth":"dTpw"}}}`,
		},
		{
			name: "no config file", server: "b:1", stdout: "Removing login credentials for b:1\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t, tt.config, "")
			runLogout(e.streams, e.cfg, tt.server)
			if e.stdout.String() != tt.stdout || e.stder.String() != "" {
				t.Errorf("stdout %q stderr %q", e.stdout, e.stder)
			}
			if got := e.file(t); got != tt.file {
				t.Errorf("config.json:\n%s\nwant:\n%s", got, tt.file)
			}
		})
	}
}

// A helper that cannot erase anything: the warning lists every target
// only when all of them failed, which a bare host (erased twice) never does.
func TestLogoutHelperFailures(t *testing.T) {
	e := newEnv(t, `{"auths":{},"credsStore":"hxmissing"}`, "")
	runLogout(e.streams, e.cfg, "http://h:1/v2/")
	want := "WARNING: could not erase credentials:\n" +
		"http://h:1/v2/: error erasing credentials - err: exec: \"docker-credential-hxmissing\": executable file not found in $PATH, out: ``\n" +
		"h:1: error erasing credentials - err: exec: \"docker-credential-hxmissing\": executable file not found in $PATH, out: ``\n" +
		"http://h:1: error erasing credentials - err: exec: \"docker-credential-hxmissing\": executable file not found in $PATH, out: ``\n" +
		"https://h:1: error erasing credentials - err: exec: \"docker-credential-hxmissing\": executable file not found in $PATH, out: ``\n"
	if e.stder.String() != want {
		t.Errorf("stderr:\n%s\nwant:\n%s", e.stder, want)
	}
	e = newEnv(t, `{"auths":{"h:1":{}},"credsStore":"hxmissing"}`, "")
	runLogout(e.streams, e.cfg, "h:1")
	if e.stder.String() != "" || !strings.Contains(e.file(t), `"h:1"`) {
		t.Errorf("bare host: stderr %q, file %s", e.stder, e.file(t))
	}
}

// fakeHelper puts docker-credential-hxlog on PATH: it records each action
// in the returned log and answers like an empty store.
func fakeHelper(t *testing.T) (log string) {
	t.Helper()
	dir := t.TempDir()
	log = filepath.Join(dir, "log")
	script := "#!/bin/sh\nread server\necho \"$1 $server\" >> " + log + "\n" +
		"[ \"$1\" = get ] && { echo 'credentials not found in native keychain'; exit 1; }\nexit 0\n"
	if err := os.WriteFile(filepath.Join(dir, "docker-credential-hxlog"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", dir)
	return log
}

// With a username given, login asks the helper nothing before storing.
func TestLoginDoesNotQueryHelperWithUsername(t *testing.T) {
	e := newEnv(t, `{"credsStore":"hxlog"}`, "s3cret\n")
	log := fakeHelper(t)
	var fa fakeAuth
	err := runLogin(context.Background(), e.streams, e.cfg, fa.auth,
		loginOptions{user: "tester", userSet: true, passwordStdin: true, server: "127.0.0.1:5055"})
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(log); !strings.HasPrefix(string(b), "store ") || strings.Contains(string(b), "get") {
		t.Errorf("helper calls:\n%s", b)
	}
}

// Logout looks credHelpers up with each erased key as is: "http://h:1"
// does not reach the helper registered for "h:1".
func TestLogoutHelperExactKey(t *testing.T) {
	e := newEnv(t, `{"auths":{"http://h:1":{"auth":"dTpw"}},"credHelpers":{"h:1":"hxlog"}}`, "")
	log := fakeHelper(t)
	runLogout(e.streams, e.cfg, "h:1")
	if b, _ := os.ReadFile(log); string(b) != "erase h:1\nerase h:1\n" {
		t.Errorf("helper calls:\n%s", b)
	}
	if strings.Contains(e.file(t), "http://h:1") {
		t.Errorf("file entry for http://h:1 kept: %s", e.file(t))
	}
}
