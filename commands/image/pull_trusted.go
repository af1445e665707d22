package image

import (
	"context"
	"fmt"
	"slices"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/reference"
	"github.com/dockerclone/docker/cli/trust"
)

// pullTrusted pulls with content trust on: the tags (one, or every signed
// one with -a) resolve to the digests their notary server vouches for,
// each digest is pulled and tagged back, as the reference does.
func pullTrusted(ctx context.Context, c *cli.CLI, ref reference.Named, opts *transferOptions) error {
	md, err := trust.NewRepository(c.ConfigDir(), reference.Domain(ref), ref.Name()).Fetch(ctx)
	if err != nil {
		return fmt.Errorf("Error: %w", err)
	}
	var tags []string
	if tagged, ok := ref.(reference.Tagged); ok {
		tags = []string{tagged.Tag()}
	} else {
		for _, st := range md.SignedTags() {
			if _, ok := md.Target(st.Tag); ok && !slices.Contains(tags, st.Tag) {
				tags = append(tags, st.Tag)
			}
		}
	}
	client, err := c.Client(ctx)
	if err != nil {
		return err
	}
	auth, err := registryAuth(c, ref)
	if err != nil {
		return err
	}
	name := reference.TrimNamed(ref)
	for i, tag := range tags {
		digest, ok := md.Target(tag)
		if !ok {
			return fmt.Errorf("No valid trust data for %s", tag)
		}
		pinned := reference.FamiliarName(name) + "@sha256:" + digest
		fmt.Fprintf(c.Out, "Pull (%d of %d): %s:%s@sha256:%s\n", i+1, len(tags), reference.FamiliarName(name), tag, digest)
		body, err := client.ImagePull(ctx, name.Name(), "sha256:"+digest, opts.platform, auth)
		if err != nil {
			return err
		}
		err = c.ShowProgress(body, opts.quiet)
		body.Close()
		if err != nil {
			return err
		}
		c.Out.Flush()
		fmt.Fprintf(c.Err, "Tagging %s as %s:%s\n", pinned, reference.FamiliarName(name), tag)
		if err := client.ImageTag(ctx, pinned, reference.FamiliarName(name), tag); err != nil {
			return err
		}
	}
	fmt.Fprintln(c.Out, ref.String())
	return nil
}
