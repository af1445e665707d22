package registry

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	regclient "github.com/dockerclone/docker/cli/registry"
	"github.com/dockerclone/docker/config"
	"github.com/dockerclone/docker/credentials"
)

const (
	warnPasswordFlag = "WARNING! Using --password via the CLI is insecure. Use --password-stdin."
	unencryptedWarn  = "\nWARNING! Your credentials are stored unencrypted in '%s'.\n" +
		"Configure a credential helper to remove this warning. See\n" +
		"https://docs.docker.com/go/credential-store/\n\n"
	hubIntro = "Log in with your Docker ID or email address to push and pull images from Docker Hub. " +
		"If you don't have a Docker ID, head over to https://hub.docker.com/ to create one.\n" +
		"You can log in with your password or a Personal Access Token (PAT). Using a limited-scope PAT " +
		"grants better security and is required for organizations using SSO. " +
		"Learn more at https://docs.docker.com/go/access-tokens/\n\n"
)

var (
	errNonTTY        = errors.New("Error: Cannot perform an interactive login from a non TTY device")
	errNoUsername    = errors.New("Error: Non-null Username Required")
	errNoPassword    = errors.New("Error: Password Required")
	errBothPasswords = errors.New("conflicting options: cannot specify both --password and --password-stdin")
	errStdinNoUser   = errors.New("the --password-stdin option requires --username to be set")
	errEmptyUser     = errors.New("username is empty")
	errEmptyPassword = errors.New("password is empty")
)

type loginOptions struct {
	server        string
	user          string
	password      string
	passwordStdin bool
	// Set by the flags' presence: an explicitly empty -u/-p is an error.
	userSet, passwordSet bool
}

// authFunc checks credentials with the registry (POST /auth on the engine).
type authFunc func(ctx context.Context, req engine.AuthRequest) (engine.AuthResponse, error)

func newLoginCommand(c *cli.CLI) *cobra.Command {
	var opts loginOptions
	cmd := cli.Command("login [OPTIONS] [SERVER]", "Authenticate to a registry", cli.RequiresMaxArgs(1),
		func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.server = args[0]
			}
			opts.userSet = cmd.Flags().Changed("username")
			opts.passwordSet = cmd.Flags().Changed("password")
			auth := func(ctx context.Context, req engine.AuthRequest) (engine.AuthResponse, error) {
				client, err := c.Client(ctx)
				if err != nil {
					return engine.AuthResponse{}, err
				}
				resp, err := client.RegistryLogin(ctx, req)
				if engine.IsConnectionError(err) {
					// Without a daemon, ask the registry itself.
					return loginDirect(ctx, regclient.NewHTTPClient(), req)
				}
				return resp, err
			}
			return runLogin(cmd.Context(), c.Streams, c.Config(), auth, opts)
		})
	cmd.Long = "Authenticate to a registry.\nDefaults to Docker Hub if no server is specified."
	cmd.Annotations = map[string]string{"category-top": "8"}
	flags := cmd.Flags()
	flags.StringVarP(&opts.user, "username", "u", "", "Username")
	flags.StringVarP(&opts.password, "password", "p", "", "Password or Personal Access Token (PAT)")
	flags.BoolVar(&opts.passwordStdin, "password-stdin", false, "Take the Password or Personal Access Token (PAT) from stdin")
	return cmd
}

// checkLoginFlags applies the reference's checks, in its order.
func checkLoginFlags(o loginOptions) error {
	switch {
	case o.passwordSet && o.passwordStdin:
		return errBothPasswords
	case o.userSet && o.user == "":
		return errEmptyUser
	case o.passwordSet && o.password == "":
		return errEmptyPassword
	case o.passwordStdin && o.user == "":
		return errStdinNoUser
	}
	return nil
}

// readPasswordStdin takes all of stdin minus one trailing "\n" then "\r".
func readPasswordStdin(r io.Reader) (string, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return "", fmt.Errorf("reading password from stdin: %w", err)
	}
	p := strings.TrimSuffix(string(b), "\n")
	return strings.TrimSuffix(p, "\r"), nil
}

func runLogin(ctx context.Context, s cli.Streams, cfg *config.File, auth authFunc, o loginOptions) error {
	if err := checkLoginFlags(o); err != nil {
		return err
	}
	if o.password != "" {
		fmt.Fprintln(s.Err, warnPasswordFlag)
	}
	if o.passwordStdin {
		p, err := readPasswordStdin(s.In)
		if err != nil {
			return err
		}
		o.password = p
	}
	server := credentials.IndexServer
	if o.server != "" {
		server = credentials.Key(o.server)
	}
	stored := storedCredentials(cfg, server, o.user == "" && o.password == "")

	if o.user == "" && o.password == "" && stored.Username != "" && stored.Password != "" {
		if ok, err := loginWithStored(ctx, s, cfg, auth, server, stored); ok || err != nil {
			return err
		}
	}

	// Interactive for whatever is missing: Docker Hub's web-based login
	// first, then the prompts.
	if (o.user == "" || o.password == "") && !s.In.IsTerminal() {
		return errNonTTY
	}
	isHub := server == credentials.IndexServer
	if isHub && o.user == "" && o.password == "" && !oauthDisabled() {
		if started, err := loginWithOAuth(ctx, s, cfg, auth); started {
			return err
		}
		fmt.Fprint(s.Err, oauthFallback)
	}
	user, password := strings.TrimSpace(o.user), strings.TrimSpace(o.password)
	var err error
	if user == "" {
		if isHub {
			fmt.Fprint(s.Out, hubIntro)
		}
		if user, err = promptUsername(ctx, s, stored.Username); err != nil {
			return err
		}
		if user == "" {
			return errNoUsername
		}
	}
	if password == "" {
		if isHub {
			fmt.Fprint(s.Err, "\n"+cli.Note{Lines: []string{
				"A Personal Access Token (PAT) can be used instead.",
				"To create a PAT, visit \x1b[4mhttps://app.docker.com/settings\x1b[0m", "", ""}}.Render(s.Err.IsTerminal()))
		}
		if password, err = cli.PromptHidden(ctx, s, "Password: "); err != nil {
			return err
		}
		if password == "" {
			return errNoPassword
		}
	}
	req := engine.AuthRequest{Username: user, Password: password, ServerAddress: server}
	resp, err := auth(ctx, req)
	if err != nil {
		return err
	}
	return saveLogin(s, cfg, req, resp, stored)
}

// storedCredentials is what the store holds for server. Like the
// reference, a credential helper is only asked when neither username nor
// password was given; config.json is always read (it costs no process).
// An unreadable store only loses the existing-credentials shortcut.
func storedCredentials(cfg *config.File, server string, askHelper bool) credentials.AuthConfig {
	if !askHelper && credentials.HelperName(cfg, server) != "" {
		return credentials.AuthConfig{}
	}
	stored, err := credentials.For(cfg, server).Get(server)
	if err != nil {
		return credentials.AuthConfig{}
	}
	return stored
}

// loginWithStored retries the stored credentials. ok reports a completed
// login; on rejection it prints why and the caller goes interactive.
func loginWithStored(ctx context.Context, s cli.Streams, cfg *config.File, auth authFunc, server string, stored credentials.AuthConfig) (ok bool, err error) {
	fmt.Fprintf(s.Err, "Authenticating with existing credentials... [Username: %s]\n\n", stored.Username)
	note := cli.Note{Lines: []string{"To login with a different account, run 'docker logout' followed by 'docker login'"}}
	fmt.Fprint(s.Err, note.Render(s.Err.IsTerminal())+"\n\n")
	req := engine.AuthRequest{Username: stored.Username, Password: stored.Password, ServerAddress: server}
	resp, err := auth(ctx, req)
	if err != nil {
		if engine.IsStatus(err, http.StatusUnauthorized) {
			fmt.Fprintln(s.Err, "Stored credentials invalid or expired")
		} else {
			fmt.Fprintln(s.Err, "Login did not succeed, error: "+err.Error())
		}
		return false, nil
	}
	return true, saveLogin(s, cfg, req, resp, stored)
}

// saveLogin stores what the registry accepted (its identity token instead
// of the password when it returns one) and reports success. Like the
// reference, config.json is left untouched when its entry is unchanged
// (a helper is always asked to store), and a changed password entry there
// brings the plain-text warning.
func saveLogin(s cli.Streams, cfg *config.File, req engine.AuthRequest, resp engine.AuthResponse, old credentials.AuthConfig) error {
	ac := credentials.AuthConfig{Username: req.Username, Password: req.Password, ServerAddress: req.ServerAddress}
	if resp.IdentityToken != "" {
		ac.Password, ac.IdentityToken = "", resp.IdentityToken
	}
	// The email is not compared, and a new entry drops it (observed).
	old.ServerAddress, old.Email = ac.ServerAddress, ""
	inFile := credentials.HelperName(cfg, ac.ServerAddress) == ""
	if changed := old != ac; changed || !inFile {
		if err := credentials.For(cfg, ac.ServerAddress).Store(ac); err != nil {
			return fmt.Errorf("Error saving credentials: %w", err)
		}
		if inFile && ac.Password != "" {
			fmt.Fprintf(s.Err, unencryptedWarn, cfg.Path())
		}
	}
	fmt.Fprintln(s.Out, "Login Succeeded")
	return nil
}
