// Package reference stands in for github.com/distribution/reference in
// this build. The compose loader's types use a few of its functions; the
// real package compiles dozens of regular expressions at every start of
// the CLI. This one is the CLI's own init-free parser (cli/reference,
// tested against the real one) behind the API the loader calls.
package reference

import (
	digest "github.com/opencontainers/go-digest"

	ref "github.com/dockerclone/docker/cli/reference"
)

// Reference is any parsed reference.
type Reference interface {
	String() string
}

// Named is a reference with a repository name.
type Named interface {
	Reference
	Name() string
}

// Canonical is a name with a digest.
type Canonical interface {
	Named
	Digest() digest.Digest
}

type canonical struct {
	ref.Named
	d digest.Digest
}

func (c canonical) Digest() digest.Digest { return c.d }

// ParseDockerRef parses a reference as the docker CLI normalizes it: the
// full name, "latest" when it has neither tag nor digest, and only the
// digest when it has both.
func ParseDockerRef(s string) (Named, error) {
	named, err := ref.ParseNormalizedNamed(s)
	if err != nil {
		return nil, err
	}
	if d, ok := named.(ref.Canonical); ok {
		return WithDigest(ref.TrimNamed(named), digest.Digest(d.Digest().String()))
	}
	return ref.TagNameOnly(named), nil
}

// WithDigest returns name with the digest d (its tag dropped).
func WithDigest(name Named, d digest.Digest) (Canonical, error) {
	named, err := ref.ParseNormalizedNamed(name.Name() + "@" + d.String())
	if err != nil {
		return nil, err
	}
	return canonical{named, d}, nil
}
