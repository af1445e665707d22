package registry

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/credentials"
)

// hubRegistry is where Docker Hub's registry API answers.
const hubRegistry = "registry-1.docker.io"

// loginDirect checks credentials with the registry itself, as the
// reference does when the daemon cannot be reached: each endpoint of the
// registry in turn (https, then http for a loopback registry), the last
// endpoint's error being the one reported.
func loginDirect(ctx context.Context, client *http.Client, req engine.AuthRequest) (engine.AuthResponse, error) {
	var lastErr error
	for _, base := range registryEndpoints(req.ServerAddress) {
		token, err := loginEndpoint(ctx, client, base, req)
		if err == nil {
			return engine.AuthResponse{Status: "Login Succeeded", IdentityToken: token}, nil
		}
		lastErr = err
	}
	return engine.AuthResponse{}, lastErr
}

// registryEndpoints are the base URLs tried for server: https always, and
// plain http too when the registry is on a loopback address (the
// reference's default insecure registries).
func registryEndpoints(server string) []string {
	host := credentials.Hostname(server)
	if server == credentials.IndexServer {
		host = hubRegistry
	}
	out := []string{"https://" + host}
	if isLoopback(host) {
		out = append(out, "http://"+host)
	}
	return out
}

func isLoopback(hostport string) bool {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	if ip := net.ParseIP(host); ip != nil {
		return ip.IsLoopback()
	}
	addrs, err := net.LookupIP(host)
	if err != nil {
		return false
	}
	for _, ip := range addrs {
		if ip.IsLoopback() {
			return true
		}
	}
	return false
}

// loginEndpoint pings base/v2/ and answers its challenge: basic auth is
// retried with the credentials, a bearer realm is asked for a token (its
// refresh token, when given, is the identity token to keep).
func loginEndpoint(ctx context.Context, client *http.Client, base string, req engine.AuthRequest) (string, error) {
	ping := base + "/v2/"
	resp, err := get(ctx, client, ping, nil)
	if err != nil {
		return "", err
	}
	resp.Body.Close()
	if resp.StatusCode == http.StatusOK {
		return "", nil
	}
	failed := fmt.Errorf("login attempt to %s failed with status: %d %s", ping, resp.StatusCode, http.StatusText(resp.StatusCode))
	if resp.StatusCode != http.StatusUnauthorized {
		return "", failed
	}
	scheme, params := parseChallenge(resp.Header.Get("WWW-Authenticate"))
	switch scheme {
	case "basic":
		resp, err := get(ctx, client, ping, func(r *http.Request) { r.SetBasicAuth(req.Username, req.Password) })
		if err != nil {
			return "", err
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return "", fmt.Errorf("login attempt to %s failed with status: %d %s", ping, resp.StatusCode, http.StatusText(resp.StatusCode))
		}
		return "", nil
	case "bearer":
		return bearerToken(ctx, client, params, req)
	}
	return "", failed
}

// bearerToken asks the token server for an offline token with the credentials.
func bearerToken(ctx context.Context, client *http.Client, params map[string]string, req engine.AuthRequest) (string, error) {
	realm, err := url.Parse(params["realm"])
	if err != nil || params["realm"] == "" {
		return "", errors.New("invalid token realm in the registry's challenge")
	}
	q := realm.Query()
	q.Set("account", req.Username)
	q.Set("client_id", "docker")
	q.Set("offline_token", "true")
	if s := params["service"]; s != "" {
		q.Set("service", s)
	}
	realm.RawQuery = q.Encode()
	resp, err := get(ctx, client, realm.String(), func(r *http.Request) { r.SetBasicAuth(req.Username, req.Password) })
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("login attempt to %s failed with status: %d %s", realm.Scheme+"://"+realm.Host+realm.Path, resp.StatusCode, http.StatusText(resp.StatusCode))
	}
	var body struct {
		RefreshToken string `json:"refresh_token"`
	}
	_ = json.NewDecoder(resp.Body).Decode(&body)
	return body.RefreshToken, nil
}

func get(ctx context.Context, client *http.Client, u string, edit func(*http.Request)) (*http.Response, error) {
	r, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	if edit != nil {
		edit(r)
	}
	// A failure reads `Get "https://h/v2/": <cause>`, as the reference prints it.
	return client.Do(r)
}

// parseChallenge splits `Bearer realm="x",service="y"` into "bearer" and its parameters.
func parseChallenge(h string) (string, map[string]string) {
	scheme, rest, _ := strings.Cut(strings.TrimSpace(h), " ")
	params := map[string]string{}
	for _, kv := range strings.Split(rest, ",") {
		k, v, ok := strings.Cut(strings.TrimSpace(kv), "=")
		if ok {
			params[strings.ToLower(k)] = strings.Trim(v, `"`)
		}
	}
	return strings.ToLower(scheme), params
}

// directClient is the HTTP client for registry logins without the daemon.
func directClient() *http.Client {
	return &http.Client{Timeout: 30 * time.Second}
}
