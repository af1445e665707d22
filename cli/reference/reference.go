// Package reference parses and normalizes image references
// ("[domain/]path[:tag][@digest]") as the Docker CLI does: docker.io is the
// default domain and official images live under "library/". It replaces
// github.com/distribution/reference (same semantics and error texts for
// the subset used here) because that package and go-digest compile dozens
// of regexps at init, a cost paid by every invocation of the CLI. Nothing
// here runs at package init.
package reference

import (
	"fmt"
	"strings"
)

const (
	defaultDomain       = "docker.io"
	legacyDefaultDomain = "index.docker.io"
	officialRepoPrefix  = "library/"
	defaultTag          = "latest"
	pathLengthMax       = 255
)

// refError is a constant error, so the package needs no init to build them.
type refError string

func (e refError) Error() string { return string(e) }

const (
	errReferenceInvalidFormat refError = "invalid reference format"
	errTagInvalidFormat       refError = "invalid tag format"
	errNameContainsUppercase  refError = "repository name must be lowercase"
	errNameEmpty              refError = "repository name must have at least one component"
	errNameTooLong            refError = "repository name must not be more than 255 characters"
)

// Reference is any parsed reference: a name with optional tag and digest,
// or a bare digest.
type Reference interface {
	String() string
}

// Named is a reference with a repository name ("docker.io/library/busybox").
type Named interface {
	Reference
	Name() string
}

// Tagged is a reference carrying a tag.
type Tagged interface {
	Reference
	Tag() string
}

// NamedTagged is a name with a tag.
type NamedTagged interface {
	Named
	Tag() string
}

// Digested is a reference carrying a digest.
type Digested interface {
	Reference
	Digest() Digest
}

// Canonical is a name with a digest.
type Canonical interface {
	Named
	Digest() Digest
}

// namedRepository is a Named whose domain and path are known apart.
type namedRepository interface {
	Named
	Domain() string
	Path() string
}

type parsedName interface {
	namedRepository
	parsed()
}

type repository struct{ domain, path string }

func (r repository) Name() string {
	if r.domain == "" {
		return r.path
	}
	return r.domain + "/" + r.path
}
func (r repository) String() string { return r.Name() }
func (r repository) Domain() string { return r.domain }
func (r repository) Path() string   { return r.path }

// parsed marks this package's own names, the only ones Familiar* shortens.
func (r repository) parsed() {}

type taggedReference struct {
	repository
	tag string
}

func (r taggedReference) String() string { return r.Name() + ":" + r.tag }
func (r taggedReference) Tag() string    { return r.tag }

type canonicalReference struct {
	repository
	digest Digest
}

func (r canonicalReference) String() string { return r.Name() + "@" + string(r.digest) }
func (r canonicalReference) Digest() Digest { return r.digest }

// fullReference has both a tag and a digest, so it is NamedTagged and
// Canonical at once.
type fullReference struct {
	repository
	tag    string
	digest Digest
}

func (r fullReference) String() string {
	return r.Name() + ":" + r.tag + "@" + string(r.digest)
}
func (r fullReference) Tag() string    { return r.tag }
func (r fullReference) Digest() Digest { return r.digest }

type digestReference Digest

func (d digestReference) String() string { return string(d) }
func (d digestReference) Digest() Digest { return Digest(d) }

// build returns the most specific type for what the reference carries.
func build(repo repository, tag string, digest Digest) Named {
	switch {
	case tag != "" && digest != "":
		return fullReference{repo, tag, digest}
	case tag != "":
		return taggedReference{repo, tag}
	case digest != "":
		return canonicalReference{repo, digest}
	}
	return repo
}

// parse parses s as written, without normalization.
func parse(s string) (Named, error) {
	name, tag, digest, ok := split(s)
	if !ok {
		if s == "" {
			return nil, errNameEmpty
		}
		if _, _, _, ok := split(strings.ToLower(s)); ok {
			return nil, errNameContainsUppercase
		}
		return nil, errReferenceInvalidFormat
	}
	domain, path, _ := splitName(name)
	if len(path) > pathLengthMax { // the limit leaves out the domain
		return nil, errNameTooLong
	}
	if digest != "" {
		if err := Digest(digest).validate(); err != nil {
			return nil, err
		}
	}
	return build(repository{domain, path}, tag, Digest(digest)), nil
}

// ParseNormalizedNamed parses a name as users write it ("busybox",
// "user/app:1", "localhost:5000/x@sha256:…") into its full form
// ("docker.io/library/busybox").
func ParseNormalizedNamed(s string) (Named, error) {
	if isIdentifier(s) {
		return nil, fmt.Errorf("invalid repository name (%s), cannot specify 64-byte hexadecimal strings", s)
	}
	domain, remainder := splitDockerDomain(s)
	remoteName := remainder
	if i := strings.IndexByte(remainder, ':'); i >= 0 {
		remoteName = remainder[:i]
	}
	if strings.ToLower(remoteName) != remoteName {
		return nil, fmt.Errorf("invalid reference format: repository name (%s) must be lowercase", remoteName)
	}
	return parse(domain + "/" + remainder)
}

// splitDockerDomain picks the domain of a user-written name: the first
// component counts as a domain only if it looks like a host (has a "." or
// ":", is "localhost", or has uppercase letters, which no path may have).
func splitDockerDomain(name string) (domain, remainder string) {
	i := strings.IndexByte(name, '/')
	if i < 0 || (!strings.ContainsAny(name[:i], ".:") && name[:i] != "localhost" && strings.ToLower(name[:i]) == name[:i]) {
		domain, remainder = defaultDomain, name
	} else {
		domain, remainder = name[:i], name[i+1:]
	}
	if domain == legacyDefaultDomain {
		domain = defaultDomain
	}
	if domain == defaultDomain && !strings.Contains(remainder, "/") {
		remainder = officialRepoPrefix + remainder
	}
	return domain, remainder
}

// ParseAnyReference parses a name or a digest; a bare 64-hex image ID is
// taken as a sha256 digest.
func ParseAnyReference(s string) (Reference, error) {
	if isIdentifier(s) {
		return digestReference("sha256:" + s), nil
	}
	if Digest(s).validate() == nil {
		return digestReference(s), nil
	}
	return ParseNormalizedNamed(s)
}

// IsNameOnly reports whether ref has neither tag nor digest.
func IsNameOnly(ref Named) bool {
	if _, ok := ref.(NamedTagged); ok {
		return false
	}
	_, ok := ref.(Canonical)
	return !ok
}

// TagNameOnly adds the "latest" tag to a bare name; other references are
// returned as they are.
func TagNameOnly(ref Named) Named {
	if !IsNameOnly(ref) {
		return ref
	}
	tagged, err := WithTag(ref, defaultTag)
	if err != nil {
		panic(err) // "latest" is a valid tag
	}
	return tagged
}

// WithTag returns name with tag, keeping a digest name may carry.
func WithTag(name Named, tag string) (NamedTagged, error) {
	if !validTag(tag) {
		return nil, errTagInvalidFormat
	}
	repo := repository{path: name.Name()}
	if r, ok := name.(namedRepository); ok {
		repo = repository{r.Domain(), r.Path()}
	}
	if c, ok := name.(Canonical); ok {
		return fullReference{repo, tag, c.Digest()}, nil
	}
	return taggedReference{repo, tag}, nil
}

// TrimNamed drops the tag and digest of ref.
func TrimNamed(ref Named) Named {
	return repositoryOf(ref)
}

// Domain returns the domain of a name ("docker.io" once normalized).
func Domain(named Named) string {
	return repositoryOf(named).domain
}

func repositoryOf(named Named) repository {
	if r, ok := named.(namedRepository); ok {
		return repository{r.Domain(), r.Path()}
	}
	if domain, path, ok := splitName(named.Name()); ok {
		return repository{domain, path}
	}
	return repository{path: named.Name()}
}

// FamiliarName is the name as users write it: "busybox" for
// "docker.io/library/busybox", "user/app" for "docker.io/user/app".
func FamiliarName(ref Named) string {
	if r, ok := ref.(parsedName); ok {
		return familiar(r).Name()
	}
	return ref.Name()
}

// FamiliarString is the whole reference as users write it, tag and digest
// included.
func FamiliarString(ref Reference) string {
	r, ok := ref.(parsedName)
	if !ok {
		return ref.String()
	}
	repo := familiar(r)
	var tag string
	var digest Digest
	if t, ok := ref.(Tagged); ok {
		tag = t.Tag()
	}
	if d, ok := ref.(Digested); ok {
		digest = d.Digest()
	}
	return build(repo, tag, digest).String()
}

// familiar strips the default domain, and "library/" from official images
// (only single-level ones: "library/a/b" keeps its prefix).
func familiar(r namedRepository) repository {
	repo := repository{r.Domain(), r.Path()}
	if repo.domain != defaultDomain {
		return repo
	}
	repo.domain = ""
	if rest, ok := strings.CutPrefix(repo.path, officialRepoPrefix); ok && !strings.Contains(rest, "/") {
		repo.path = rest
	}
	return repo
}
