package credentials

import (
	"github.com/docker/docker-credential-helpers/client"
	helpercreds "github.com/docker/docker-credential-helpers/credentials"

	"github.com/dockerclone/docker/config"
)

// tokenUsername marks an identity token stored in a helper.
const tokenUsername = "<token>"

// helperStore keeps secrets in a docker-credential-<name> program. Like
// the reference, config.json still gets an entry per server (holding only
// the email, usually `{}`), so the file records where credentials are.
type helperStore struct {
	file    *fileStore
	program client.ProgramFunc
}

// NewHelperStore uses the program docker-credential-<name> found on PATH.
func NewHelperStore(f *config.File, name string) Store {
	return newHelperStore(f, client.NewShellProgramFunc("docker-credential-"+name))
}

func newHelperStore(f *config.File, program client.ProgramFunc) *helperStore {
	return &helperStore{file: &fileStore{file: f}, program: program}
}

func (s *helperStore) Get(server string) (AuthConfig, error) {
	key := Key(server)
	// The file side only contributes the email.
	fromFile, _ := s.file.Get(server)
	ac := AuthConfig{Email: fromFile.Email, ServerAddress: key}
	creds, err := client.Get(s.program, key)
	if err != nil {
		if helpercreds.IsErrCredentialsNotFound(err) {
			return ac, nil
		}
		return AuthConfig{}, err
	}
	if creds.Username == tokenUsername {
		ac.IdentityToken = creds.Secret
	} else {
		ac.Username, ac.Password = creds.Username, creds.Secret
	}
	return ac, nil
}

func (s *helperStore) GetAll() (map[string]AuthConfig, error) {
	list, err := client.List(s.program)
	if err != nil {
		return nil, err
	}
	out := make(map[string]AuthConfig, len(list))
	for server := range list {
		ac, err := s.Get(server)
		if err != nil {
			return nil, err
		}
		out[server] = ac
	}
	return out, nil
}

func (s *helperStore) Store(auth AuthConfig) error {
	key := Key(auth.ServerAddress)
	creds := &helpercreds.Credentials{ServerURL: key, Username: auth.Username, Secret: auth.Password}
	if auth.IdentityToken != "" {
		creds.Username, creds.Secret = tokenUsername, auth.IdentityToken
	}
	if err := client.Store(s.program, creds); err != nil {
		return err
	}
	return s.file.Store(AuthConfig{Email: auth.Email, ServerAddress: key})
}

func (s *helperStore) Erase(server string) error {
	if err := client.Erase(s.program, Key(server)); err != nil {
		return err
	}
	return s.file.Erase(server)
}
