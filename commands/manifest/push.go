package manifest

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/reference"
	"github.com/dockerclone/docker/cli/registry"
)

type pushOptions struct {
	insecure bool
	purge    bool
}

func newPushCommand(c *cli.CLI) *cobra.Command {
	var o pushOptions
	cmd := cli.Command("push [OPTIONS] MANIFEST_LIST", "Push a manifest list to a repository", cli.ExactArgs(1),
		func(cmd *cobra.Command, args []string) error { return runPush(cmd.Context(), c, o, args[0]) })
	cmd.Flags().BoolVar(&o.insecure, "insecure", false, "Allow push to an insecure registry")
	cmd.Flags().BoolVarP(&o.purge, "purge", "p", false, "Remove the local manifest list after push")
	return cmd
}

// runPush copies every image's manifest into the list's repository (its
// blobs mounted from where they are), then pushes the list under its tag.
func runPush(ctx context.Context, c *cli.CLI, o pushOptions, arg string) error {
	list, err := normalize(arg)
	if err != nil {
		return err
	}
	s := newStore(c)
	images, err := s.list(list.String())
	if err != nil {
		return err
	}
	if len(images) == 0 {
		return fmt.Errorf("%s has no images", list)
	}
	// Loopback registries are insecure by default, as for the daemon.
	insecure := o.insecure || registry.IsLoopback(reference.Domain(list))
	target, err := openRepository(ctx, c, list, insecure, true)
	if err != nil {
		return err
	}
	for _, m := range images {
		if err := pushImage(ctx, target, list, m); err != nil {
			return err
		}
		fmt.Fprintf(c.Out, "Pushed ref %s@%s with digest: %s\n", reference.TrimNamed(list), m.Descriptor.Digest, m.Descriptor.Digest)
	}
	mediaType, body := listOf(images)
	raw, err := json.MarshalIndent(body, "", "   ")
	if err != nil {
		return err
	}
	digest, err := target.PutManifest(ctx, tagOrDigest(list), mediaType, raw)
	if err != nil {
		return err
	}
	fmt.Fprintln(c.Out, digest)
	if o.purge {
		return s.remove(list.String())
	}
	return nil
}

// pushImage makes one image's blobs and manifest part of the target
// repository (same registry only, as the reference).
func pushImage(ctx context.Context, target *registry.Repository, list reference.Named, m imageManifest) error {
	ref, err := reference.ParseNormalizedNamed(m.Ref)
	if err != nil {
		return err
	}
	if reference.Domain(ref) != reference.Domain(list) {
		return fmt.Errorf("cannot use source images from a different registry than the target image: %s != %s",
			reference.Domain(ref), reference.Domain(list))
	}
	if ref.Name() != list.Name() {
		var blobs []string
		if m.OCIManifest != nil {
			blobs = append(blobs, m.OCIManifest.Config.Digest)
			for _, l := range m.OCIManifest.Layers {
				blobs = append(blobs, l.Digest)
			}
		} else if m.SchemaV2Manifest != nil {
			blobs = append(blobs, m.SchemaV2Manifest.Config.Digest)
			for _, l := range m.SchemaV2Manifest.Layers {
				blobs = append(blobs, l.Digest)
			}
		}
		for _, b := range blobs {
			if err := target.MountBlob(ctx, repoPath(ref), b); err != nil {
				return err
			}
		}
	}
	_, err = target.PutManifest(ctx, m.Descriptor.Digest, m.Descriptor.MediaType, m.Raw)
	return err
}
