package image

import (
	"errors"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/reference"
	"github.com/dockerclone/docker/credentials"
)

// registryAuth is the X-Registry-Auth value for the registry serving ref:
// the stored credentials of its host ("e30=" when there are none). Docker
// Hub's credentials live under credentials.IndexServer. A store that fails
// (a credential helper missing from PATH) counts as none, as with the
// reference: the registry then says what is wrong.
func registryAuth(c *cli.CLI, ref reference.Named) (string, error) {
	server := reference.Domain(ref)
	if credentials.Key(server) == credentials.IndexServer {
		server = credentials.IndexServer
	}
	auth, err := credentials.For(c.Config(), server).Get(server)
	if err != nil {
		auth = credentials.AuthConfig{}
	}
	return credentials.EncodeAuth(auth), nil
}

var errTagWithAll = errors.New("tag can't be used with --all-tags/-a")
