package registry

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"

	"github.com/docker/docker-credential-helpers/client"
	helpercreds "github.com/docker/docker-credential-helpers/credentials"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	regclient "github.com/dockerclone/docker/cli/registry"
	"github.com/dockerclone/docker/config"
	"github.com/dockerclone/docker/credentials"
)

// Docker Hub logins go through Docker's OAuth device-code flow unless
// DOCKER_CLI_DISABLE_OAUTH_LOGIN is set (to anything). The tokens are kept
// under these keys beside the Hub entry, which gets a personal access token.
const (
	accessTokenKey  = credentials.IndexServer + "access-token"
	refreshTokenKey = credentials.IndexServer + "refresh-token"
	oauthFallback   = "Failed to start web-based login - falling back to command line login...\n\n"
)

// hubOAuth and openBrowser are swapped by tests for a stand-in tenant.
var (
	hubOAuth    = regclient.DockerOAuth
	openBrowser = func(url string) error {
		for _, b := range []string{"xdg-open", "x-www-browser", "www-browser"} {
			if path, err := exec.LookPath(b); err == nil {
				return exec.Command(path, url).Start()
			}
		}
		return errors.New("no browser found")
	}
)

func oauthDisabled() bool { return os.Getenv("DOCKER_CLI_DISABLE_OAUTH_LOGIN") != "" }

// loginWithOAuth runs the device-code flow on a terminal. started is false
// when the flow could not begin (stderr not a terminal, tenant
// unreachable): the caller falls back to the password prompt.
func loginWithOAuth(ctx context.Context, s cli.Streams, cfg *config.File, auth authFunc) (started bool, err error) {
	if !s.Err.IsTerminal() {
		return false, nil
	}
	api := hubOAuth
	api.UserAgent = fmt.Sprintf("docker-cli:%s:%s-%s", strings.ReplaceAll(cli.Version, ".", "_"), runtime.GOOS, runtime.GOARCH)
	dc, err := api.RequestDeviceCode(ctx)
	if err != nil || dc.UserCode == "" {
		return false, nil
	}
	uri, _, _ := strings.Cut(dc.VerificationURI, "?")
	fmt.Fprint(s.Err, "\x1b[1m\nUSING WEB-BASED LOGIN\x1b[0m\n\n"+
		cli.Note{Lines: []string{"To sign in with credentials on the command line, use 'docker login -u <username>'", ""}}.Render(true)+
		"\nYour one-time device confirmation code is: \x1b[1m"+dc.UserCode+"\n\x1b[0m"+
		"\x1b[1mPress ENTER\x1b[0m to open your browser or submit your device code here: \x1b[4m"+uri+"\n\x1b[0m"+
		"\nWaiting for authentication in the browser…\n")
	go func() {
		if _, err := cli.ReadLine(ctx, s.In); err == nil {
			_ = openBrowser(dc.VerificationURIComplete)
		}
	}()
	tokens, err := api.WaitForTokens(ctx, dc)
	switch {
	case ctx.Err() != nil:
		return true, errors.New("login canceled")
	case err != nil:
		return true, fmt.Errorf("failed waiting for authentication: %w", err)
	}
	user, err := regclient.HubUsername(tokens.AccessToken)
	if err != nil {
		return true, err
	}
	if err := storeOAuthTokens(s, cfg, user, tokens.RefreshToken+".."+api.ClientID, tokens.AccessToken); err != nil {
		return true, err
	}
	pat, err := api.GeneratePAT(ctx, tokens.AccessToken)
	if err != nil {
		return true, err
	}
	req := engine.AuthRequest{Username: user, Password: pat, ServerAddress: credentials.IndexServer}
	if _, err := auth(ctx, req); err != nil {
		return true, err
	}
	// The PAT is what registries get; stored without a second warning.
	if _, err := storeExact(cfg, credentials.IndexServer, user, pat); err != nil {
		return true, fmt.Errorf("Error saving credentials: %w", err)
	}
	fmt.Fprintln(s.Out, "Login Succeeded")
	return true, nil
}

// storeOAuthTokens keeps the tenant's tokens; config.json holding them in
// clear earns the usual warning.
func storeOAuthTokens(s cli.Streams, cfg *config.File, user, refresh, access string) error {
	changed := false
	for _, e := range [][2]string{{accessTokenKey, access}, {refreshTokenKey, refresh}} {
		ch, err := storeExact(cfg, e[0], user, e[1])
		if err != nil {
			return fmt.Errorf("Error saving credentials: %w", err)
		}
		changed = changed || ch
	}
	if changed && exactHelperName(cfg, accessTokenKey) == "" {
		fmt.Fprintf(s.Err, unencryptedWarn, cfg.Path())
	}
	return nil
}

// storeExact stores under key itself (the stores would normalize the
// token keys to Hub's), in its helper as logout finds it or in
// config.json, which is rewritten only when the entry changed.
func storeExact(cfg *config.File, key, user, secret string) (changed bool, err error) {
	if name := exactHelperName(cfg, key); name != "" {
		program := client.NewShellProgramFunc("docker-credential-" + name)
		return true, client.Store(program, &helpercreds.Credentials{ServerURL: key, Username: user, Secret: secret})
	}
	if old, ok := cfg.AuthConfigs[key]; ok && old.Username == user && old.Password == secret {
		return false, nil
	}
	cfg.AuthConfigs[key] = config.AuthConfig{Username: user, Password: secret}
	return true, cfg.Save()
}

// logoutOAuth erases the tenant's tokens after a Hub logout and gives the
// refresh token back; a tenant that refuses only earns a warning.
func logoutOAuth(s cli.Streams, cfg *config.File) {
	refresh := exactSecret(cfg, refreshTokenKey)
	for _, key := range []string{accessTokenKey, refreshTokenKey} {
		_ = eraseExact(cfg, key)
	}
	if refresh == "" {
		return
	}
	token, _, _ := strings.Cut(refresh, "..")
	if err := hubOAuth.RevokeToken(context.Background(), token); err != nil {
		fmt.Fprintf(s.Err, "WARNING: credentials erased successfully, but there was a failure to revoke the OAuth refresh token with the tenant: %s\n", err)
	}
}

func exactSecret(cfg *config.File, key string) string {
	if name := exactHelperName(cfg, key); name != "" {
		creds, err := client.Get(client.NewShellProgramFunc("docker-credential-"+name), key)
		if err != nil {
			return ""
		}
		return creds.Secret
	}
	return cfg.AuthConfigs[key].Password
}
