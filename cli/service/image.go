// Package service holds what the commands that create and follow swarm
// services share (service create/update/scale/rollback, stack deploy):
// image pinning, convergence progress and the service list. It is its own
// package because the reference's list row type is service.serviceContext,
// and that name shows in template errors.
package service

import (
	"context"
	"fmt"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/engine"
	"github.com/dockerclone/docker/cli/reference"
	"github.com/dockerclone/docker/credentials"
)

// Image is an image as a service spec names it, and the platforms its
// registry offers (nil when it was not asked).
type Image struct {
	Name      string
	Platforms []engine.SwarmPlatform
}

// NormalizeImage is the image as the reference puts it in a spec: a
// familiar name with a tag ("busybox" → "busybox:latest"); an image it
// cannot parse stays as typed, for the daemon to refuse.
func NormalizeImage(image string) string {
	ref, err := reference.ParseNormalizedNamed(image)
	if err != nil {
		return image
	}
	return reference.FamiliarString(reference.TagNameOnly(ref))
}

// ResolveImage pins an image to the digest its registry has now, so that
// every node runs the same, and reads its platforms. When the registry
// cannot be asked, the image stays a tag and the warning says why that
// matters (the caller prints it once the service exists).
func ResolveImage(ctx context.Context, client *engine.Client, image, auth string) (Image, string) {
	name := NormalizeImage(image)
	d, err := client.DistributionInspect(ctx, name, auth)
	if err != nil {
		return Image{Name: name}, fmt.Sprintf("image %s could not be accessed on a registry to record\n"+
			"its digest. Each node will access %s independently,\n"+
			"possibly leading to different nodes running different\n"+
			"versions of the image.\n", name, name)
	}
	img := Image{Name: name}
	if ref, err := reference.ParseNormalizedNamed(name); err == nil {
		if _, pinned := ref.(reference.Digested); !pinned && d.Descriptor.Digest != "" {
			img.Name = name + "@" + d.Descriptor.Digest
		}
	}
	for _, p := range d.Platforms {
		img.Platforms = append(img.Platforms, engine.SwarmPlatform{Architecture: p.Architecture, OS: p.OS})
	}
	return img, ""
}

// RegistryAuth is the X-Registry-Auth for the registry of image, from the
// stored credentials (--with-registry-auth).
func RegistryAuth(c *cli.CLI, image string) string {
	host := "docker.io"
	if ref, err := reference.ParseNormalizedNamed(image); err == nil {
		host = reference.Domain(ref)
	}
	return credentials.EncodedFor(c.Config(), host)
}

// PrintWarnings writes the daemon's (and the image's) warnings to stderr.
func PrintWarnings(c *cli.CLI, warnings []string) {
	for _, w := range warnings {
		fmt.Fprintln(c.Err, w)
	}
}
