package registry

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// OAuth is Docker's OAuth tenant and Hub's token API as `docker login`
// uses them for Docker Hub: the device-code flow (RFC 8628), then a
// personal access token generated for the CLI.
type OAuth struct {
	Tenant    string // the tenant's base URL
	Hub       string // Hub's API base URL
	ClientID  string
	UserAgent string // sent to the tenant (Hub gets Go's default)
	HTTP      *http.Client
}

// hubAudience is the API the tokens are for.
const hubAudience = "https://hub.docker.com"

// DockerOAuth is what the reference talks to.
var DockerOAuth = OAuth{
	Tenant:   "https://login.docker.com",
	Hub:      "https://hub.docker.com",
	ClientID: "L4v0dmlNBpYUjGGab0C2JtgTgXr1Qz4d",
	HTTP:     &http.Client{Timeout: 30 * time.Second},
}

// DeviceCode is the tenant's answer to a device authorization request.
type DeviceCode struct {
	DeviceCode              string `json:"device_code"`
	UserCode                string `json:"user_code"`
	VerificationURI         string `json:"verification_uri"`
	VerificationURIComplete string `json:"verification_uri_complete"`
	ExpiresIn               int    `json:"expires_in"`
	Interval                int    `json:"interval"`
}

// Tokens are what the tenant grants once the user confirmed the code.
type Tokens struct {
	AccessToken  string `json:"access_token"`
	RefreshToken string `json:"refresh_token"`
	ExpiresIn    int    `json:"expires_in"`
	TokenType    string `json:"token_type"`
}

// OAuthError is the tenant's error reply; its text is the description.
type OAuthError struct {
	Code        string `json:"error"`
	Description string `json:"error_description"`
}

func (e *OAuthError) Error() string {
	if e.Description != "" {
		return e.Description
	}
	return e.Code
}

// ErrDeviceCodeExpired ends a wait that outlived the device code.
var ErrDeviceCodeExpired = errors.New("timed out waiting for device token")

// RequestDeviceCode starts the flow for Hub's audience.
func (o *OAuth) RequestDeviceCode(ctx context.Context) (DeviceCode, error) {
	var dc DeviceCode
	err := o.postForm(ctx, "/oauth/device/code", url.Values{
		"client_id": {o.ClientID}, "audience": {hubAudience}, "scope": {"openid offline_access"},
	}, &dc)
	return dc, err
}

// WaitForTokens polls the tenant every interval until the user confirms,
// the tenant refuses (an *OAuthError) or the code expires.
func (o *OAuth) WaitForTokens(ctx context.Context, dc DeviceCode) (Tokens, error) {
	interval := time.Duration(max(dc.Interval, 1)) * time.Second
	expired := time.NewTimer(time.Duration(dc.ExpiresIn) * time.Second)
	defer expired.Stop()
	poll := time.NewTicker(interval)
	defer poll.Stop()
	for {
		select {
		case <-ctx.Done():
			return Tokens{}, ctx.Err()
		case <-expired.C:
			return Tokens{}, ErrDeviceCodeExpired
		case <-poll.C:
		}
		var t Tokens
		err := o.postForm(ctx, "/oauth/token", url.Values{
			"client_id": {o.ClientID}, "device_code": {dc.DeviceCode},
			"grant_type": {"urn:ietf:params:oauth:grant-type:device_code"},
		}, &t)
		var oe *OAuthError
		if errors.As(err, &oe) && oe.Code == "authorization_pending" {
			continue
		}
		return t, err
	}
}

// RevokeToken gives a refresh token back to the tenant.
func (o *OAuth) RevokeToken(ctx context.Context, refresh string) error {
	return o.postForm(ctx, "/oauth/revoke", url.Values{"client_id": {o.ClientID}, "token": {refresh}}, nil)
}

// GeneratePAT asks Hub for a personal access token with the tenant's
// access token, the credential kept for registries.
func (o *OAuth) GeneratePAT(ctx context.Context, accessToken string) (string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, o.Hub+"/v2/access-tokens/desktop-generate", nil)
	if err != nil {
		return "", err
	}
	req.Header.Set("Authorization", "Bearer "+accessToken)
	req.Header.Set("Content-Type", "application/json")
	resp, err := o.HTTP.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusCreated {
		return "", fmt.Errorf("unexpected response from Hub: %s", resp.Status)
	}
	var pat struct {
		Data struct{ Token string } `json:"data"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&pat); err != nil {
		return "", err
	}
	return pat.Data.Token, nil
}

func (o *OAuth) postForm(ctx context.Context, path string, form url.Values, out any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, o.Tenant+path, strings.NewReader(form.Encode()))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if o.UserAgent != "" {
		req.Header.Set("User-Agent", o.UserAgent)
	}
	resp, err := o.HTTP.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		oe := &OAuthError{}
		if json.Unmarshal(body, oe) != nil || oe.Code == "" {
			return fmt.Errorf("unexpected response from %s: %s", o.Tenant, resp.Status)
		}
		return oe
	}
	if out == nil {
		return nil
	}
	return json.Unmarshal(body, out)
}

// HubUsername reads the Docker ID from an access token's claims (the JWT
// is the tenant's; its signature is the registry's business, not ours).
func HubUsername(accessToken string) (string, error) {
	parts := strings.Split(accessToken, ".")
	if len(parts) != 3 {
		return "", errors.New("failed to parse access token: not a JWT")
	}
	payload, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(parts[1], "="))
	if err != nil {
		return "", fmt.Errorf("failed to parse access token: %w", err)
	}
	var claims struct {
		Hub struct {
			Username string `json:"username"`
		} `json:"https://hub.docker.com"`
	}
	if err := json.Unmarshal(payload, &claims); err != nil {
		return "", fmt.Errorf("failed to parse access token: %w", err)
	}
	return claims.Hub.Username, nil
}
