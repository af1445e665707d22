package plugin

import (
	"context"
	"fmt"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/reference"
	"github.com/dockerclone/docker/cli/trust"
	"github.com/dockerclone/docker/credentials"
)

// pullFlags are what install and upgrade share.
type pullFlags struct {
	grantAll bool
	untrust  bool // --disable-content-trust
}

// remote is a plugin reference to pull from: what the engine is sent
// (normalized, no tag added) and the credentials of its registry.
type remote struct {
	ref  reference.Named
	auth string
}

// resolveRemote checks content trust when it is on (not for digests) and
// picks the registry's credentials.
func resolveRemote(ctx context.Context, c *cli.CLI, ref reference.Named, untrust bool) (remote, error) {
	if _, pinned := ref.(reference.Canonical); !untrust && !pinned {
		if err := trust.Check(ctx, c.ConfigDir(), reference.Domain(ref), ref.Name()); err != nil {
			return remote{}, err
		}
	}
	return remote{ref: ref, auth: credentials.EncodedFor(c.Config(), reference.Domain(ref))}, nil
}

// grant asks the engine what the plugin at r needs and, unless every
// permission is granted up front, asks the user, showing the plugin as shown.
func (f *pullFlags) grant(ctx context.Context, c *cli.CLI, client *engine.Client, r remote, shown string) ([]engine.PluginPrivilege, error) {
	privileges, err := client.PluginPrivileges(ctx, r.ref.String(), r.auth)
	if err != nil || f.grantAll || len(privileges) == 0 {
		return privileges, err
	}
	fmt.Fprintf(c.Out, "Plugin %q is requesting the following privileges:\n", shown)
	for _, p := range privileges {
		fmt.Fprintf(c.Out, " - %s: %v\n", p.Name, p.Value)
	}
	ok, err := c.Confirm(ctx, "Do you grant the above permissions?")
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, fmt.Errorf("permission denied while installing plugin %s", r.ref.String())
	}
	return privileges, nil
}

// localName is the name a plugin is known by on the engine: familiar, with
// a tag; a digest is refused.
func localName(name string) (string, error) {
	ref, err := reference.ParseNormalizedNamed(name)
	if err != nil {
		return "", err
	}
	if _, ok := ref.(reference.Canonical); ok {
		return "", fmt.Errorf("invalid name: %s", name)
	}
	return reference.FamiliarString(reference.TagNameOnly(ref)), nil
}
