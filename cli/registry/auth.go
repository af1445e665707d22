// Package registry talks to image registries (the distribution API) for the
// commands the CLI serves itself: manifest, and login without a daemon. It
// pings an endpoint, answers its challenge (basic or bearer token) with the
// user's credentials and exchanges manifests and blobs. Like cli/engine it
// never prints.
package registry

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// Credentials are what a registry is answered with: a password or an
// identity (refresh) token.
type Credentials struct {
	Username, Password, IdentityToken string
}

// Challenge is a parsed WWW-Authenticate header.
type Challenge struct {
	Scheme string // "basic" or "bearer", lower case
	Params map[string]string
}

// ParseChallenge splits `Bearer realm="x",service="y"` into its scheme and
// parameters.
func ParseChallenge(h string) Challenge {
	scheme, rest, _ := strings.Cut(strings.TrimSpace(h), " ")
	params := map[string]string{}
	for _, kv := range strings.Split(rest, ",") {
		k, v, ok := strings.Cut(strings.TrimSpace(kv), "=")
		if ok {
			params[strings.ToLower(k)] = strings.Trim(v, `"`)
		}
	}
	return Challenge{Scheme: strings.ToLower(scheme), Params: params}
}

// Token is a token server's answer.
type Token struct {
	Token        string `json:"token"`
	AccessToken  string `json:"access_token"`
	RefreshToken string `json:"refresh_token"`
}

// Bearer is the token to send: token, else access_token.
func (t Token) Bearer() string {
	if t.Token != "" {
		return t.Token
	}
	return t.AccessToken
}

// TokenRequest asks a bearer challenge's realm for a token.
type TokenRequest struct {
	Challenge Challenge
	Creds     Credentials
	Scopes    []string
	// Offline asks for a refresh token too (what login keeps).
	Offline bool
}

// FetchToken gets a token from the challenge's realm: with an identity
// token, by the OAuth refresh grant; else by GET with basic credentials
// (anonymous when there are none).
func FetchToken(ctx context.Context, client *http.Client, tr TokenRequest) (Token, error) {
	realm, err := url.Parse(tr.Challenge.Params["realm"])
	if err != nil || tr.Challenge.Params["realm"] == "" {
		return Token{}, errors.New("invalid token realm in the registry's challenge")
	}
	service := tr.Challenge.Params["service"]
	var req *http.Request
	if tr.Creds.IdentityToken != "" {
		form := url.Values{"grant_type": {"refresh_token"}, "refresh_token": {tr.Creds.IdentityToken},
			"client_id": {"docker"}, "service": {service}}
		if len(tr.Scopes) > 0 {
			form.Set("scope", strings.Join(tr.Scopes, " "))
		}
		req, err = http.NewRequestWithContext(ctx, http.MethodPost, realm.String(), strings.NewReader(form.Encode()))
		if err == nil {
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		}
	} else {
		q := realm.Query()
		if tr.Creds.Username != "" {
			q.Set("account", tr.Creds.Username)
		}
		q.Set("client_id", "docker")
		if tr.Offline {
			q.Set("offline_token", "true")
		}
		if service != "" {
			q.Set("service", service)
		}
		for _, s := range tr.Scopes {
			q.Add("scope", s)
		}
		realm.RawQuery = q.Encode()
		req, err = http.NewRequestWithContext(ctx, http.MethodGet, realm.String(), nil)
		if err == nil && tr.Creds.Username != "" {
			req.SetBasicAuth(tr.Creds.Username, tr.Creds.Password)
		}
	}
	if err != nil {
		return Token{}, err
	}
	resp, err := client.Do(req)
	if err != nil {
		return Token{}, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return Token{}, &StatusError{URL: realm.Scheme + "://" + realm.Host + realm.Path, Code: resp.StatusCode}
	}
	var t Token
	if err := json.NewDecoder(resp.Body).Decode(&t); err != nil {
		return Token{}, fmt.Errorf("decoding token response: %w", err)
	}
	return t, nil
}

// StatusError is a registry's refusal of a login or token request.
type StatusError struct {
	URL  string
	Code int
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("login attempt to %s failed with status: %d %s", e.URL, e.Code, http.StatusText(e.Code))
}
