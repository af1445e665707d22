package credentials

import (
	"encoding/base64"
	"encoding/json"

	"github.com/dockerclone/docker/config"
)

// EncodeAuth is the X-Registry-Auth header value: the AuthConfig's JSON
// (empty fields omitted) in URL-safe base64 with padding. No credentials
// give "e30=" ("{}").
func EncodeAuth(auth AuthConfig) string {
	b, err := json.Marshal(auth)
	if err != nil {
		// Unreachable: AuthConfig is all strings.
		return "e30="
	}
	return base64.URLEncoding.EncodeToString(b)
}

// EncodedFor is the X-Registry-Auth value for a registry host: its stored
// credentials (Docker Hub's under IndexServer), "e30=" when there are none.
// A store that fails (a helper missing from PATH) counts as none, as with
// the reference: the registry then says what is wrong.
func EncodedFor(f *config.File, host string) string {
	server := host
	if Key(server) == IndexServer {
		server = IndexServer
	}
	auth, err := For(f, server).Get(server)
	if err != nil {
		auth = AuthConfig{}
	}
	return EncodeAuth(auth)
}
