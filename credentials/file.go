package credentials

import (
	"maps"
	"slices"

	"github.com/dockerclone/docker/config"
)

// fileStore keeps credentials in config.json's "auths" and saves the file
// on every change.
type fileStore struct {
	file *config.File
}

// NewFileStore stores credentials in f (base64 "user:password", unencrypted).
func NewFileStore(f *config.File) Store {
	return &fileStore{file: f}
}

func (s *fileStore) matches(server string) []string { return matches(s.file, server) }

// matches lists the auths keys of f that serve server: the exact key, its
// normalized Key, and legacy keys that normalize to it ("https://h/v1/").
func matches(f *config.File, server string) []string {
	key := Key(server)
	var out []string
	for _, k := range slices.Sorted(maps.Keys(f.AuthConfigs)) {
		if k == server || k == key || Key(k) == key {
			out = append(out, k)
		}
	}
	// Prefer an exact key, then the normalized one, over legacy forms.
	slices.SortStableFunc(out, func(a, b string) int { return rank(a, server, key) - rank(b, server, key) })
	return out
}

func rank(k, server, key string) int {
	switch k {
	case server:
		return 0
	case key:
		return 1
	default:
		return 2
	}
}

func (s *fileStore) Get(server string) (AuthConfig, error) {
	m := s.matches(server)
	if len(m) == 0 {
		return AuthConfig{}, nil
	}
	ac := s.file.AuthConfigs[m[0]]
	if ac.ServerAddress == "" {
		ac.ServerAddress = m[0]
	}
	return ac, nil
}

func (s *fileStore) GetAll() (map[string]AuthConfig, error) {
	out := make(map[string]AuthConfig, len(s.file.AuthConfigs))
	for k, ac := range s.file.AuthConfigs {
		if ac.ServerAddress == "" {
			ac.ServerAddress = k
		}
		out[k] = ac
	}
	return out, nil
}

func (s *fileStore) Store(auth AuthConfig) error {
	key := Key(auth.ServerAddress)
	auth.ServerAddress = key
	auth.Auth = "" // rebuilt from Username/Password on save
	// Applied to the file as it is now: a login running at the same time
	// keeps its entry.
	return s.file.Update(func(f *config.File) error {
		f.AuthConfigs[key] = auth
		return nil
	})
}

// Erase removes every entry serving server; the file is rewritten only if
// something was removed.
func (s *fileStore) Erase(server string) error {
	if len(s.matches(server)) == 0 {
		return nil
	}
	return s.file.Update(func(f *config.File) error {
		for _, k := range matches(f, server) {
			delete(f.AuthConfigs, k)
		}
		return nil
	})
}
