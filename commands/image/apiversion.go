package image

import (
	"context"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
)

// requireAPI fails like the reference when a flag needs a newer engine
// than the one answering.
func requireAPI(ctx context.Context, client *engine.Client, flag, min string) error {
	if v := client.APIVersion(ctx); engine.VersionLess(v, min) {
		return cli.Errorf(1, "%q requires API version %s, but the Docker daemon API version is %s", "--"+flag, min, v)
	}
	return nil
}
