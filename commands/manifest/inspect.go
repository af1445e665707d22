package manifest

import (
	"bytes"
	"context"
	"encoding/json"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/reference"
	"github.com/dockerclone/docker/cli/registry"
)

type inspectOptions struct {
	insecure bool
	verbose  bool
}

func newInspectCommand(c *cli.CLI) *cobra.Command {
	var o inspectOptions
	cmd := cli.Command("inspect [OPTIONS] [MANIFEST_LIST] MANIFEST", "Display an image manifest, or manifest list",
		cli.RequiresRangeArgs(1, 2),
		func(cmd *cobra.Command, args []string) error {
			if len(args) == 2 {
				return runInspectLocal(c, o, args[0], args[1])
			}
			return runInspect(cmd.Context(), c, o, args[0])
		})
	addInsecureFlag(cmd, &o.insecure)
	cmd.Flags().BoolVarP(&o.verbose, "verbose", "v", false, "Output additional info including layers and platform")
	return cmd
}

// runInspectLocal shows one image of a local list.
func runInspectLocal(c *cli.CLI, o inspectOptions, listArg, imageArg string) error {
	list, err := normalize(listArg)
	if err != nil {
		return err
	}
	image, err := normalize(imageArg)
	if err != nil {
		return err
	}
	m, err := newStore(c).get(list.String(), image.String())
	if err != nil {
		return err
	}
	return printImage(c, o.verbose, m)
}

// runInspect shows a local list of that name, else what the registry has.
func runInspect(ctx context.Context, c *cli.CLI, o inspectOptions, arg string) error {
	ref, err := normalize(arg)
	if err != nil {
		return err
	}
	if images, err := newStore(c).list(ref.String()); err == nil {
		return printList(c, o.verbose, images)
	}
	repo, m, err := fetchRemote(ctx, c, ref, o.insecure)
	if err != nil {
		return err
	}
	if !registry.IsList(m.Descriptor.MediaType) {
		return printImage(c, o.verbose, m)
	}
	images, err := listImages(ctx, repo, ref, m.Raw)
	if err != nil {
		return err
	}
	return printList(c, o.verbose, images)
}

// listImages fetches every image a list names, with the list's platforms.
func listImages(ctx context.Context, repo *registry.Repository, ref reference.Named, raw []byte) ([]imageManifest, error) {
	var idx registry.OCIIndex // a Docker list decodes the same way
	if err := json.Unmarshal(raw, &idx); err != nil {
		return nil, err
	}
	var out []imageManifest
	for _, d := range idx.Manifests {
		byDigest, err := reference.ParseNormalizedNamed(reference.TrimNamed(ref).String() + "@" + d.Digest)
		if err != nil {
			return nil, err
		}
		m, err := fetchImage(ctx, repo, byDigest)
		if err != nil {
			return nil, err
		}
		m.Ref = ref.String() + "@" + d.Digest // the reference keeps the tag too
		m.Descriptor.Platform = d.Platform
		out = append(out, m)
	}
	return out, nil
}

// printImage shows a manifest tab-indented, or with -v its entry.
func printImage(c *cli.CLI, verbose bool, m imageManifest) error {
	if verbose {
		return printJSON(c, m, "\t")
	}
	var b bytes.Buffer
	if err := json.Indent(&b, m.Raw, "", "\t"); err != nil {
		return err
	}
	b.WriteByte('\n')
	_, err := c.Out.Write(b.Bytes())
	return err
}

// printList shows the list built from its images (3-space indent, as the
// reference), or with -v every image's entry.
func printList(c *cli.CLI, verbose bool, images []imageManifest) error {
	if verbose {
		return printJSON(c, images, "\t")
	}
	_, list := listOf(images)
	return printJSON(c, list, "   ")
}

func printJSON(c *cli.CLI, v any, indent string) error {
	b, err := json.MarshalIndent(v, "", indent)
	if err != nil {
		return err
	}
	_, err = c.Out.Write(append(b, '\n'))
	return err
}
