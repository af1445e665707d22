package image

import (
	"errors"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/reference"
	"github.com/dockerclone/docker/credentials"
)

// registryAuth is the X-Registry-Auth value for the registry serving ref.
func registryAuth(c *cli.CLI, ref reference.Named) (string, error) {
	return credentials.EncodedFor(c.Config(), reference.Domain(ref)), nil
}

var errTagWithAll = errors.New("tag can't be used with --all-tags/-a")
