// Package digest stands in for github.com/opencontainers/go-digest in this
// build: the compose loader's types name its Digest type only, and the real
// package compiles regular expressions at every start of the CLI.
package digest

import "strings"

// Digest is "algorithm:encoded", such as "sha256:…".
type Digest string

func (d Digest) String() string { return string(d) }

// Algorithm is the part before the colon.
func (d Digest) Algorithm() string {
	alg, _, _ := strings.Cut(string(d), ":")
	return alg
}

// Encoded is the part after the colon.
func (d Digest) Encoded() string {
	_, enc, _ := strings.Cut(string(d), ":")
	return enc
}
