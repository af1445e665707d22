// Package credentials stores registry credentials: in config.json's
// "auths" or in a docker-credential-<name> helper program.
package credentials

import (
	"strings"

	"github.com/dockerclone/docker/config"
)

// AuthConfig is one registry's credentials.
type AuthConfig = config.AuthConfig

// Store holds credentials keyed by registry server.
type Store interface {
	// Get returns the server's credentials; none stored is an empty
	// AuthConfig and no error.
	Get(server string) (AuthConfig, error)
	GetAll() (map[string]AuthConfig, error)
	// Store saves auth under auth.ServerAddress (normalized with Key).
	Store(auth AuthConfig) error
	Erase(server string) error
}

// IndexServer is the key Docker Hub credentials are stored under.
const IndexServer = "https://index.docker.io/v1/"

// Hostname strips a scheme and any path: "https://h:5000/v2/" → "h:5000".
func Hostname(server string) string {
	s := strings.TrimPrefix(server, "http://")
	s = strings.TrimPrefix(s, "https://")
	host, _, _ := strings.Cut(s, "/")
	return host
}

// Key is the key a server's credentials are stored under: IndexServer for
// Docker Hub (and for ""), the bare host[:port] otherwise.
func Key(server string) string {
	switch h := Hostname(server); h {
	case "", "docker.io", "index.docker.io", "registry-1.docker.io":
		return IndexServer
	default:
		return h
	}
}

// HelperName is the credential helper suffix serving server: its
// credHelpers entry, else credsStore; "" means config.json itself.
func HelperName(f *config.File, server string) string {
	for _, k := range []string{Key(server), server, Hostname(server)} {
		if h, ok := f.CredentialHelpers[k]; ok {
			return h
		}
	}
	return f.CredsStore()
}

// For returns the store serving server in f.
func For(f *config.File, server string) Store {
	if name := HelperName(f, server); name != "" {
		return NewHelperStore(f, name)
	}
	return NewFileStore(f)
}

// All merges every credential known to f: the default store's, then each
// credHelpers registry's (which win), as `docker` does for builds.
// A helper that fails is skipped; the first such error is returned with
// whatever was gathered.
func All(f *config.File) (map[string]AuthConfig, error) {
	out, firstErr := For(f, "").GetAll()
	if out == nil {
		out = map[string]AuthConfig{}
	}
	for registry := range f.CredentialHelpers {
		ac, err := For(f, registry).Get(registry)
		if err != nil {
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		if ac != (AuthConfig{ServerAddress: ac.ServerAddress}) {
			out[registry] = ac
		}
	}
	return out, firstErr
}
