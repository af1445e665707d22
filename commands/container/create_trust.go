package container

import (
	"context"
	"fmt"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/reference"
	"github.com/dockerclone/docker/cli/trust"
)

// trustedImage is an image tag content trust resolved for run/create: the
// container is made from the signed digest, which is tagged back once
// pulled.
type trustedImage struct {
	tagged reference.NamedTagged
	pinned string // name@sha256:...
}

// resolveTrusted asks the tag's notary server for its signed digest;
// digests and image IDs are left alone.
func resolveTrusted(ctx context.Context, c *cli.CLI, image string) (*trustedImage, error) {
	named, err := reference.ParseNormalizedNamed(image)
	if err != nil {
		return nil, nil
	}
	if _, pinned := named.(reference.Digested); pinned {
		return nil, nil
	}
	tagged := reference.TagNameOnly(named).(reference.NamedTagged)
	digest, err := trust.Resolve(ctx, c.ConfigDir(), reference.Domain(named), named.Name(), tagged.Tag())
	if err != nil {
		return nil, err
	}
	return &trustedImage{tagged: tagged, pinned: reference.FamiliarName(named) + "@" + digest}, nil
}

// tagBack gives the pulled digest its tag again (said even with -q, as
// the reference does).
func (t *trustedImage) tagBack(ctx context.Context, c *cli.CLI, client *engine.Client) error {
	fmt.Fprintf(c.Err, "Tagging %s as %s\n", t.pinned, reference.FamiliarString(t.tagged))
	return client.ImageTag(ctx, t.pinned, reference.FamiliarName(t.tagged), t.tagged.Tag())
}
