package manifest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/reference"
	"github.com/dockerclone/docker/cli/registry"
	"github.com/dockerclone/docker/credentials"
)

// imageManifest is one image of a list as kept on disk (and shown by
// inspect -v): the reference, the descriptor with its platform and the raw
// manifest.
type imageManifest struct {
	Ref              string
	Descriptor       registry.Descriptor
	Raw              []byte
	SchemaV2Manifest *registry.DockerManifest `json:",omitempty"`
	OCIManifest      *registry.OCIManifest    `json:",omitempty"`
}

// store keeps lists under <config dir>/manifests/<list>/<image>.
type store struct{ root string }

func newStore(c *cli.CLI) store { return store{root: filepath.Join(c.ConfigDir(), "manifests")} }

// fileName is a reference made a file name: "/" → "_", ":" → "-".
func fileName(ref string) string {
	return strings.NewReplacer("/", "_", ":", "-").Replace(ref)
}

func (s store) dir(list string) string { return filepath.Join(s.root, fileName(list)) }

func (s store) exists(list string) bool {
	_, err := os.Stat(s.dir(list))
	return err == nil
}

// get is one image of a list; missing is an errNotInList.
func (s store) get(list, image string) (imageManifest, error) {
	var m imageManifest
	b, err := os.ReadFile(filepath.Join(s.dir(list), fileName(image)))
	if errors.Is(err, os.ErrNotExist) {
		return m, errNoSuchManifest(image)
	}
	if err != nil {
		return m, err
	}
	return m, json.Unmarshal(b, &m)
}

// list is every image of a list, by file name.
func (s store) list(list string) ([]imageManifest, error) {
	entries, err := os.ReadDir(s.dir(list))
	if errors.Is(err, os.ErrNotExist) {
		return nil, errNoSuchManifest(list)
	}
	if err != nil {
		return nil, err
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	out := make([]imageManifest, 0, len(entries))
	for _, e := range entries {
		var m imageManifest
		b, err := os.ReadFile(filepath.Join(s.dir(list), e.Name()))
		if err == nil {
			err = json.Unmarshal(b, &m)
		}
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, nil
}

func (s store) save(list string, m imageManifest) error {
	if err := os.MkdirAll(s.dir(list), 0o755); err != nil {
		return err
	}
	b, err := json.Marshal(m)
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(s.dir(list), fileName(m.Ref)), b, 0o644)
}

func (s store) remove(list string) error {
	if !s.exists(list) {
		return errNoSuchManifest(list)
	}
	return os.RemoveAll(s.dir(list))
}

func errNoSuchManifest(ref string) error { return fmt.Errorf("No such manifest: %s", ref) }

// normalize parses a user's reference, a tag added when there is none.
func normalize(s string) (reference.Named, error) {
	ref, err := reference.ParseNormalizedNamed(s)
	if err != nil {
		return nil, err
	}
	return reference.TagNameOnly(ref), nil
}

// tagOrDigest is what follows /manifests/ for ref.
func tagOrDigest(ref reference.Named) string {
	if d, ok := ref.(reference.Digested); ok {
		return d.Digest().String()
	}
	if t, ok := ref.(reference.Tagged); ok {
		return t.Tag()
	}
	return "latest"
}

// repoPath is the repository's path on its registry (library/busybox).
func repoPath(ref reference.Named) string {
	return strings.TrimPrefix(ref.Name(), reference.Domain(ref)+"/")
}

// openRepository reaches ref's repository with the stored credentials.
func openRepository(ctx context.Context, c *cli.CLI, ref reference.Named, insecure, push bool) (*registry.Repository, error) {
	client := &registry.Client{Insecure: insecure, Creds: func(host string) registry.Credentials {
		key := credentials.Key(host)
		ac, err := credentials.For(c.Config(), key).Get(key)
		if err != nil {
			return registry.Credentials{}
		}
		return registry.Credentials{Username: ac.Username, Password: ac.Password, IdentityToken: ac.IdentityToken}
	}}
	return client.Repository(ctx, reference.Domain(ref), repoPath(ref), push)
}

// fetchRemote reaches ref's registry and fetches its manifest (see
// fetchImage); no usable endpoint and a 404 read "no such manifest".
func fetchRemote(ctx context.Context, c *cli.CLI, ref reference.Named, insecure bool) (*registry.Repository, imageManifest, error) {
	repo, err := openRepository(ctx, c, ref, insecure, false)
	if err != nil {
		if errors.Is(err, registry.ErrNoEndpoint) {
			err = fmt.Errorf("no such manifest: %s", ref)
		}
		return nil, imageManifest{}, err
	}
	m, err := fetchImage(ctx, repo, ref)
	if errors.Is(err, registry.ErrNotFound) {
		err = fmt.Errorf("no such manifest: %s", ref)
	}
	return repo, m, err
}

// fetchImage fetches ref's manifest and, for an image, its config's
// platform. A list comes back with only Raw and Descriptor set.
func fetchImage(ctx context.Context, repo *registry.Repository, ref reference.Named) (imageManifest, error) {
	f, err := repo.Manifest(ctx, tagOrDigest(ref))
	if err != nil {
		return imageManifest{}, err
	}
	m := imageManifest{Ref: ref.String(), Raw: f.Raw,
		Descriptor: registry.Descriptor{MediaType: f.MediaType, Digest: f.Digest, Size: int64(len(f.Raw))}}
	if registry.IsList(f.MediaType) {
		return m, nil
	}
	var configDigest string
	if f.MediaType == registry.MediaTypeOCIManifest {
		m.OCIManifest = new(registry.OCIManifest)
		err = json.Unmarshal(f.Raw, m.OCIManifest)
		configDigest = m.OCIManifest.Config.Digest
	} else {
		m.SchemaV2Manifest = new(registry.DockerManifest)
		err = json.Unmarshal(f.Raw, m.SchemaV2Manifest)
		configDigest = m.SchemaV2Manifest.Config.Digest
	}
	if err != nil {
		return m, err
	}
	blob, err := repo.Blob(ctx, configDigest)
	if err != nil {
		return m, err
	}
	var cfg registry.ImageConfig
	if err := json.Unmarshal(blob, &cfg); err != nil {
		return m, err
	}
	m.Descriptor.Platform = &registry.Platform{Platform: cfg}
	return m, nil
}

// listOf builds the list to show or push from its images: a Docker list,
// or an OCI index when the images are OCI manifests.
func listOf(images []imageManifest) (mediaType string, list any) {
	if len(images) > 0 && images[0].Descriptor.MediaType == registry.MediaTypeOCIManifest {
		idx := registry.OCIIndex{SchemaVersion: 2, MediaType: registry.MediaTypeOCIIndex, Manifests: []registry.Descriptor{}}
		for _, m := range images {
			idx.Manifests = append(idx.Manifests, m.Descriptor)
		}
		return registry.MediaTypeOCIIndex, idx
	}
	l := registry.DockerList{SchemaVersion: 2, MediaType: registry.MediaTypeDockerList, Manifests: []registry.DockerDescriptor{}}
	for _, m := range images {
		d := m.Descriptor
		l.Manifests = append(l.Manifests, registry.DockerDescriptor{MediaType: d.MediaType, Size: d.Size, Digest: d.Digest, Platform: d.Platform})
	}
	return registry.MediaTypeDockerList, l
}
