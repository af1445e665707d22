package registry

import (
	"context"
	"net/http"

	"github.com/dockerclone/docker/cli/engine"
	regclient "github.com/dockerclone/docker/cli/registry"
	"github.com/dockerclone/docker/credentials"
)

// loginDirect checks credentials with the registry itself, as the
// reference does when the daemon cannot be reached: each endpoint of the
// registry in turn (https, then http for a loopback registry), the last
// endpoint's error being the one reported.
func loginDirect(ctx context.Context, client *http.Client, req engine.AuthRequest) (engine.AuthResponse, error) {
	var lastErr error
	host := credentials.Hostname(req.ServerAddress)
	for _, base := range regclient.Endpoints(host, regclient.IsLoopback(host)) {
		token, err := loginEndpoint(ctx, client, base, req)
		if err == nil {
			return engine.AuthResponse{Status: "Login Succeeded", IdentityToken: token}, nil
		}
		lastErr = err
	}
	return engine.AuthResponse{}, lastErr
}

// loginEndpoint pings base/v2/ and answers its challenge: basic auth is
// retried with the credentials, a bearer realm is asked for a token (its
// refresh token, when given, is the identity token to keep).
func loginEndpoint(ctx context.Context, client *http.Client, base string, req engine.AuthRequest) (string, error) {
	ping := base + "/v2/"
	resp, err := regclient.Ping(ctx, client, base)
	if err != nil {
		return "", err
	}
	if resp.StatusCode == http.StatusOK {
		return "", nil
	}
	failed := &regclient.StatusError{URL: ping, Code: resp.StatusCode}
	if resp.StatusCode != http.StatusUnauthorized {
		return "", failed
	}
	creds := regclient.Credentials{Username: req.Username, Password: req.Password}
	switch ch := regclient.ParseChallenge(resp.Header.Get("WWW-Authenticate")); ch.Scheme {
	case "basic":
		resp, err := regclient.Get(ctx, client, ping, func(r *http.Request) { r.SetBasicAuth(req.Username, req.Password) })
		if err != nil {
			return "", err
		}
		if resp.StatusCode != http.StatusOK {
			return "", &regclient.StatusError{URL: ping, Code: resp.StatusCode}
		}
		return "", nil
	case "bearer":
		t, err := regclient.FetchToken(ctx, client, regclient.TokenRequest{Challenge: ch, Creds: creds, Offline: true})
		return t.RefreshToken, err
	}
	return "", failed
}
