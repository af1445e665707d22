package reference

import "strings"

// Digest is a content digest, "algorithm:hex", such as "sha256:3f2a…".
type Digest string

func (d Digest) String() string { return string(d) }

// Digest errors carry the texts the engine's tooling prints for them.
const (
	errDigestInvalidFormat refError = "invalid checksum digest format"
	errDigestInvalidLength refError = "invalid checksum digest length"
	errDigestUnsupported   refError = "unsupported digest algorithm"
)

// hexLen is the encoded length of the algorithms a digest may use.
func hexLen(algorithm string) int {
	switch algorithm {
	case "sha256":
		return 64
	case "sha384":
		return 96
	case "sha512":
		return 128
	}
	return 0
}

// validate checks d as a digest of a supported algorithm: lowercase hex of
// exactly the algorithm's length.
func (d Digest) validate() error {
	s := string(d)
	i := strings.IndexByte(s, ':')
	if i <= 0 || i+1 == len(s) {
		return errDigestInvalidFormat
	}
	alg, hex := s[:i], s[i+1:]
	n := hexLen(alg)
	if n == 0 {
		if !wellFormedDigest(alg, hex) {
			return errDigestInvalidFormat
		}
		return errDigestUnsupported
	}
	if len(hex) != n {
		return errDigestInvalidLength
	}
	if !allBytes(hex, isLowerHex) {
		return errDigestInvalidFormat
	}
	return nil
}

// wellFormedDigest tells an unknown algorithm ("unsupported") from garbage
// ("invalid format"): alg is lowercase components joined by [.+_-], the
// encoding is [A-Za-z0-9=_-]+.
func wellFormedDigest(alg, enc string) bool {
	start := 0
	for i := 0; i <= len(alg); i++ {
		if i < len(alg) && !strings.ContainsRune(".+_-", rune(alg[i])) {
			if !isLowerAlnum(alg[i]) {
				return false
			}
			continue
		}
		if i == start {
			return false // empty component
		}
		start = i + 1
	}
	return enc != "" && allBytes(enc, func(c byte) bool { return isAlnum(c) || c == '=' || c == '_' || c == '-' })
}
