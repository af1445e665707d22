package image

import (
	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/reference"
	"github.com/dockerclone/docker/credentials"
)

// registryAuth is the X-Registry-Auth value for the registry serving ref.
func registryAuth(c *cli.CLI, ref reference.Named) (string, error) {
	return credentials.EncodedFor(c.Config(), reference.Domain(ref)), nil
}
