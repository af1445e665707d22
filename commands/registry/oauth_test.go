package registry

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/credentials"
)

// tenant stands in for login.docker.com and hub.docker.com.
type tenant struct {
	mu       sync.Mutex
	requests []string // "METHOD /path form-or-auth"
	pending  int      // authorization_pending answers before the tokens
	mode     string   // "", "devfail", "denied", "expire", "revokefail"
}

func jwtFor(user string) string {
	enc := base64.RawURLEncoding.EncodeToString
	claims, _ := json.Marshal(map[string]any{"https://hub.docker.com": map[string]string{"username": user}, "exp": 4102444800})
	return enc([]byte(`{"alg":"RS256","typ":"JWT"}`)) + "." + enc(claims) + "." + enc([]byte("sig"))
}

func (tn *tenant) serve(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		tn.mu.Lock()
		detail := string(body)
		if r.URL.Path == "/v2/access-tokens/desktop-generate" {
			detail = r.Header.Get("Authorization")
		} else {
			detail += " ua=" + r.Header.Get("User-Agent")
		}
		tn.requests = append(tn.requests, r.Method+" "+r.URL.Path+" "+detail)
		polls := 0
		for _, l := range tn.requests {
			if strings.HasPrefix(l, "POST /oauth/token") {
				polls++
			}
		}
		tn.mu.Unlock()
		reply := func(code int, v any) {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(code)
			_ = json.NewEncoder(w).Encode(v)
		}
		oauthErr := func(code, desc string) { reply(403, map[string]string{"error": code, "error_description": desc}) }
		switch {
		case r.URL.Path == "/oauth/device/code" && tn.mode == "devfail":
			reply(500, map[string]string{"error": "server_error"})
		case r.URL.Path == "/oauth/device/code":
			expires := 900
			if tn.mode == "expire" {
				expires = 1
			}
			reply(200, map[string]any{"device_code": "DEV", "user_code": "ABCD-EFGH", "verification_uri": "https://login.example/activate",
				"verification_uri_complete": "https://login.example/activate?user_code=ABCD-EFGH", "expires_in": expires, "interval": 1})
		case r.URL.Path == "/oauth/token" && tn.mode == "denied":
			oauthErr("access_denied", "User cancelled the confirmation prompt or consent page.")
		case r.URL.Path == "/oauth/token" && (polls <= tn.pending || tn.mode == "expire"):
			oauthErr("authorization_pending", "User has yet to authorize device code.")
		case r.URL.Path == "/oauth/token":
			reply(200, map[string]any{"access_token": jwtFor("f2user"), "refresh_token": "REFRESH", "expires_in": 86400, "token_type": "Bearer"})
		case r.URL.Path == "/v2/access-tokens/desktop-generate":
			reply(201, map[string]any{"data": map[string]string{"token": "dckr_pat_X"}})
		case r.URL.Path == "/oauth/revoke" && tn.mode == "revokefail":
			reply(500, map[string]string{"error": "server_error", "error_description": "nope"})
		case r.URL.Path == "/oauth/revoke":
			reply(200, map[string]string{})
		default:
			reply(404, map[string]string{"error": "not_found"})
		}
	}))
	t.Cleanup(srv.Close)
	saved := hubOAuth
	hubOAuth.Tenant, hubOAuth.Hub, hubOAuth.HTTP = srv.URL, srv.URL, srv.Client()
	t.Cleanup(func() { hubOAuth = saved })
}

func (tn *tenant) paths() []string {
	tn.mu.Lock()
	defer tn.mu.Unlock()
	var out []string
	for _, r := range tn.requests {
		out = append(out, strings.SplitN(r, " ", 3)[1])
	}
	return out
}

// terminalEnv is newEnv with stdin and stderr on a terminal.
func terminalEnv(t *testing.T, configJSON, stdin string) *env {
	e := newEnv(t, configJSON, stdin)
	e.streams.In = cli.NewTerminalIn(strings.NewReader(stdin))
	e.streams.Err = cli.NewTerminalOut(e.stder, 80, 24)
	return e
}

const webLoginBanner = "\x1b[1m\nUSING WEB-BASED LOGIN\x1b[0m\n\n" +
	"\x1b[1m\x1b[106m\x1b[30mi\x1b[0m\x1b[0m \x1b[96mInfo → \x1b[0m\x1b[0m" +
	"\x1b[3mTo sign in with credentials on the command line, use 'docker login -u <username>'\x1b[0m\n" +
	"         \x1b[3m\x1b[0m\n\n" +
	"Your one-time device confirmation code is: \x1b[1mABCD-EFGH\n\x1b[0m" +
	"\x1b[1mPress ENTER\x1b[0m to open your browser or submit your device code here: \x1b[4mhttps://login.example/activate\n\x1b[0m\n" +
	"Waiting for authentication in the browser…\n"

func TestLoginWebBased(t *testing.T) {
	t.Setenv("DOCKER_CLI_DISABLE_OAUTH_LOGIN", "")
	tn := &tenant{pending: 1}
	tn.serve(t)
	e := terminalEnv(t, "", "")
	var fake fakeAuth
	auth := func(ctx context.Context, req engine.AuthRequest) (engine.AuthResponse, error) {
		fake.calls = append(fake.calls, req)
		return engine.AuthResponse{Status: "Login Succeeded"}, nil
	}
	if err := runLogin(context.Background(), e.streams, e.cfg, auth, loginOptions{}); err != nil {
		t.Fatal(err)
	}
	warn := "\nWARNING! Your credentials are stored unencrypted in '" + e.path() + "'.\n" +
		"Configure a credential helper to remove this warning. See\nhttps://docs.docker.com/go/credential-store/\n\n"
	if e.stder.String() != webLoginBanner+warn || e.stdout.String() != "Login Succeeded\n" {
		t.Fatalf("stderr %q\nstdout %q", e.stder, e.stdout)
	}
	if len(fake.calls) != 1 || fake.calls[0] != (engine.AuthRequest{Username: "f2user", Password: "dckr_pat_X", ServerAddress: credentials.IndexServer}) {
		t.Fatalf("auth %+v", fake.calls)
	}
	ua := " ua=docker-cli:" + strings.ReplaceAll(cli.Version, ".", "_") + ":"
	want := []string{
		"POST /oauth/device/code audience=https%3A%2F%2Fhub.docker.com&client_id=L4v0dmlNBpYUjGGab0C2JtgTgXr1Qz4d&scope=openid+offline_access" + ua,
		"POST /oauth/token client_id=L4v0dmlNBpYUjGGab0C2JtgTgXr1Qz4d&device_code=DEV&grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code" + ua,
		"POST /oauth/token client_id=L4v0dmlNBpYUjGGab0C2JtgTgXr1Qz4d&device_code=DEV&grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code" + ua,
		"POST /v2/access-tokens/desktop-generate Bearer " + jwtFor("f2user"),
	}
	for i, w := range want {
		if i >= len(tn.requests) || !strings.HasPrefix(tn.requests[i], w) {
			t.Fatalf("request %d:\n%v\nwant prefix\n%s", i, tn.requests, w)
		}
	}
	userPass := func(s string) string { return base64.StdEncoding.EncodeToString([]byte("f2user:" + s)) }
	for key, secret := range map[string]string{credentials.IndexServer: "dckr_pat_X",
		accessTokenKey: jwtFor("f2user"), refreshTokenKey: "REFRESH..L4v0dmlNBpYUjGGab0C2JtgTgXr1Qz4d"} {
		if !strings.Contains(e.file(t), fmt.Sprintf("%q: {\n\t\t\t\"auth\": %q", key, userPass(secret))) {
			t.Errorf("config.json lacks %s:\n%s", key, e.file(t))
		}
	}

	// Logout erases the tokens and gives the refresh token back.
	e.stdout.Reset()
	runLogout(e.streams, e.cfg, "")
	if got := e.file(t); got != "{\n\t\"auths\": {}\n}" || e.stdout.String() != "Removing login credentials for https://index.docker.io/v1/\n" {
		t.Fatalf("after logout %q:\n%s", e.stdout, got)
	}
	if last := tn.requests[len(tn.requests)-1]; !strings.HasPrefix(last, "POST /oauth/revoke client_id=L4v0dmlNBpYUjGGab0C2JtgTgXr1Qz4d&token=REFRESH ") {
		t.Fatalf("revoke: %s", last)
	}
}

func TestLoginWebBasedFailures(t *testing.T) {
	t.Setenv("DOCKER_CLI_DISABLE_OAUTH_LOGIN", "")
	prompt := "Log in with your Docker ID"
	for _, tt := range []struct {
		name, mode string
		stderrTTY  bool
		cancel     bool
		err        string
		stderr     string // prefix
		paths      string
	}{
		{name: "stderr is not a terminal", err: errNoUsername.Error(), stderr: oauthFallback},
		{name: "tenant fails", mode: "devfail", stderrTTY: true, err: errNoUsername.Error(), stderr: oauthFallback, paths: "/oauth/device/code"},
		{name: "user denies", mode: "denied", stderrTTY: true, err: "failed waiting for authentication: User cancelled the confirmation prompt or consent page.",
			stderr: webLoginBanner, paths: "/oauth/device/code /oauth/token"},
		{name: "code expires", mode: "expire", stderrTTY: true, err: "failed waiting for authentication: timed out waiting for device token",
			stderr: webLoginBanner, paths: "/oauth/device/code"},
		{name: "ctrl-c", mode: "expire", stderrTTY: true, cancel: true, err: "login canceled", stderr: webLoginBanner, paths: "/oauth/device/code"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			tn := &tenant{mode: tt.mode}
			tn.serve(t)
			e := terminalEnv(t, "", "")
			if !tt.stderrTTY {
				e.streams.Err = cli.NewUnbufferedOut(e.stder)
			}
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			if tt.cancel {
				time.AfterFunc(300*time.Millisecond, cancel)
			}
			err := runLogin(ctx, e.streams, e.cfg, (&fakeAuth{}).auth, loginOptions{})
			if errString(err) != tt.err || !strings.HasPrefix(e.stder.String(), tt.stderr) {
				t.Fatalf("err %v\nstderr %q", err, e.stder)
			}
			if fallback := tt.stderr == oauthFallback; fallback != strings.HasPrefix(e.stdout.String(), prompt) {
				t.Errorf("stdout %q", e.stdout)
			}
			if got := strings.Join(tn.paths(), " "); !strings.HasPrefix(got, tt.paths) || (tt.paths == "" && got != "") {
				t.Errorf("requests %q", got)
			}
		})
	}
}

func TestLoginWebBasedOff(t *testing.T) {
	tn := &tenant{}
	tn.serve(t)
	t.Setenv("DOCKER_CLI_DISABLE_OAUTH_LOGIN", "0") // any value turns it off
	e := terminalEnv(t, "", "")
	err := runLogin(context.Background(), e.streams, e.cfg, (&fakeAuth{}).auth, loginOptions{})
	if err != errNoUsername || e.stder.String() != "" || len(tn.requests) != 0 {
		t.Fatalf("err %v stderr %q requests %v", err, e.stder, tn.requests)
	}
	// With a user name, Hub gets the prompts too.
	t.Setenv("DOCKER_CLI_DISABLE_OAUTH_LOGIN", "")
	e = terminalEnv(t, "", "")
	err = runLogin(context.Background(), e.streams, e.cfg, (&fakeAuth{}).auth, loginOptions{user: "tester", userSet: true})
	if err != errNoPassword || len(tn.requests) != 0 {
		t.Fatalf("err %v requests %v", err, tn.requests)
	}
}

func TestLoginWebBasedOpensBrowser(t *testing.T) {
	t.Setenv("DOCKER_CLI_DISABLE_OAUTH_LOGIN", "")
	tn := &tenant{mode: "denied"}
	tn.serve(t)
	opened := make(chan string, 1)
	saved := openBrowser
	openBrowser = func(url string) error { opened <- url; return nil }
	t.Cleanup(func() { openBrowser = saved })
	e := terminalEnv(t, "", "\n")
	_ = runLogin(context.Background(), e.streams, e.cfg, (&fakeAuth{}).auth, loginOptions{})
	select {
	case url := <-opened:
		if url != "https://login.example/activate?user_code=ABCD-EFGH" {
			t.Fatalf("opened %s", url)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("ENTER did not open the browser")
	}
}

func TestLogoutRevokeFailure(t *testing.T) {
	tn := &tenant{mode: "revokefail"}
	tn.serve(t)
	e := newEnv(t, `{"auths":{"https://index.docker.io/v1/refresh-token":{"auth":"`+
		base64.StdEncoding.EncodeToString([]byte("u:TOKEN..client"))+`"}}}`, "")
	runLogout(e.streams, e.cfg, "")
	want := "WARNING: credentials erased successfully, but there was a failure to revoke the OAuth refresh token with the tenant: nope\n"
	if e.stder.String() != want || !bytes.Contains([]byte(tn.requests[0]), []byte("&token=TOKEN ")) {
		t.Fatalf("stderr %q requests %v", e.stder, tn.requests)
	}
	// Other registries keep their tokens alone.
	tn.requests = nil
	runLogout(e.streams, e.cfg, "docker.io")
	if len(tn.requests) != 0 {
		t.Fatalf("requests %v", tn.requests)
	}
}
