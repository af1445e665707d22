package image

import (
	"errors"
	"fmt"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/reference"
)

// transferOptions are what pull and push share: the reference, -a, -q,
// --platform and --disable-content-trust.
type transferOptions struct {
	name     string
	all      bool
	quiet    bool
	platform string
	untrust  bool // --disable-content-trust
}

var errTagWithAll = errors.New("tag can't be used with --all-tags/-a")

// reference parses the name for the transfer: with -a it must be a bare
// name (checked first: a digest is refused as a tag would be), else a bare
// name means "latest", which is said unless -q. refuseDigest, when set, is
// the error for a digest reference.
func (o *transferOptions) reference(c *cli.CLI, refuseDigest error) (reference.Named, error) {
	ref, err := reference.ParseNormalizedNamed(o.name)
	if err != nil {
		return nil, err
	}
	switch {
	case o.all && !reference.IsNameOnly(ref):
		return nil, errTagWithAll
	case refuseDigest != nil && isDigested(ref):
		return nil, refuseDigest
	case !o.all && reference.IsNameOnly(ref):
		ref = reference.TagNameOnly(ref)
		if !o.quiet {
			fmt.Fprintln(c.Out, "Using default tag: latest")
		}
	}
	return ref, nil
}
