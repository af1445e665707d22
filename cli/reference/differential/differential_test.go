package differential

// Differential test of cli/reference against github.com/distribution/reference,
// the package it replaces: every input must give the same results and error
// texts. It is a module of its own because the CLI's go.mod replaces
// github.com/distribution/reference (see internal/README.md); run it with
// `make unit`.

import (
	_ "crypto/sha256" // go-digest only accepts algorithms linked into the binary,
	_ "crypto/sha512" // as they always are in the CLI (via crypto/tls)
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	upstream "github.com/distribution/reference"

	"github.com/dockerclone/docker/cli/reference"
)

// hex64 is a well-formed sha256 digest encoding.
var hex64 = strings.Repeat("0123456789abcdef", 4)

func describeOurs(s string) string {
	var b strings.Builder
	ref, err := reference.ParseNormalizedNamed(s)
	fmt.Fprintf(&b, "normalized: %s\n", describeNamed(ref, err))
	if err == nil {
		tagged := reference.TagNameOnly(ref)
		fmt.Fprintf(&b, "tagNameOnly: %s\n", describeNamed(tagged, nil))
		fmt.Fprintf(&b, "trim: %s\n", describeNamed(reference.TrimNamed(ref), nil))
		for _, tag := range []string{"v1.2", "-bad", ".x", "_ok", strings.Repeat("t", 129)} {
			withTag, err := reference.WithTag(ref, tag)
			fmt.Fprintf(&b, "withTag %s: %s\n", tag, describeNamed(asNamed(withTag), err))
		}
	}
	anyRef, err := reference.ParseAnyReference(s)
	fmt.Fprintf(&b, "any: err=%v", err)
	if err == nil {
		fmt.Fprintf(&b, " string=%s familiar=%s", anyRef.String(), reference.FamiliarString(anyRef))
		if n, ok := anyRef.(reference.Named); ok {
			fmt.Fprintf(&b, " named=%s", n.Name())
		}
		if d, ok := anyRef.(reference.Digested); ok {
			fmt.Fprintf(&b, " digest=%s", d.Digest())
		}
	}
	return b.String()
}

func asNamed(r reference.NamedTagged) reference.Named {
	if r == nil {
		return nil
	}
	return r
}

func describeNamed(ref reference.Named, err error) string {
	if err != nil {
		return "err=" + err.Error()
	}
	s := fmt.Sprintf("string=%s name=%s domain=%s familiarName=%s familiar=%s nameOnly=%v",
		ref.String(), ref.Name(), reference.Domain(ref), reference.FamiliarName(ref), reference.FamiliarString(ref), reference.IsNameOnly(ref))
	if t, ok := ref.(reference.Tagged); ok {
		s += " tag=" + t.Tag()
	}
	if d, ok := ref.(reference.Digested); ok {
		s += " digest=" + d.Digest().String()
	}
	_, nt := ref.(reference.NamedTagged)
	_, c := ref.(reference.Canonical)
	return s + fmt.Sprintf(" namedTagged=%v canonical=%v", nt, c)
}

// The same description, computed with the upstream package.
func describeUpstream(s string) string {
	var b strings.Builder
	ref, err := upstream.ParseNormalizedNamed(s)
	fmt.Fprintf(&b, "normalized: %s\n", describeUpstreamNamed(ref, err))
	if err == nil {
		tagged := upstream.TagNameOnly(ref)
		fmt.Fprintf(&b, "tagNameOnly: %s\n", describeUpstreamNamed(tagged, nil))
		fmt.Fprintf(&b, "trim: %s\n", describeUpstreamNamed(upstream.TrimNamed(ref), nil))
		for _, tag := range []string{"v1.2", "-bad", ".x", "_ok", strings.Repeat("t", 129)} {
			withTag, err := upstream.WithTag(ref, tag)
			var n upstream.Named
			if withTag != nil {
				n = withTag
			}
			fmt.Fprintf(&b, "withTag %s: %s\n", tag, describeUpstreamNamed(n, err))
		}
	}
	anyRef, err := upstream.ParseAnyReference(s)
	fmt.Fprintf(&b, "any: err=%v", err)
	if err == nil {
		fmt.Fprintf(&b, " string=%s familiar=%s", anyRef.String(), upstream.FamiliarString(anyRef))
		if n, ok := anyRef.(upstream.Named); ok {
			fmt.Fprintf(&b, " named=%s", n.Name())
		}
		if d, ok := anyRef.(upstream.Digested); ok {
			fmt.Fprintf(&b, " digest=%s", d.Digest())
		}
	}
	return b.String()
}

func describeUpstreamNamed(ref upstream.Named, err error) string {
	if err != nil {
		return "err=" + err.Error()
	}
	s := fmt.Sprintf("string=%s name=%s domain=%s familiarName=%s familiar=%s nameOnly=%v",
		ref.String(), ref.Name(), upstream.Domain(ref), upstream.FamiliarName(ref), upstream.FamiliarString(ref), upstream.IsNameOnly(ref))
	if t, ok := ref.(upstream.Tagged); ok {
		s += " tag=" + t.Tag()
	}
	if d, ok := ref.(upstream.Digested); ok {
		s += " digest=" + d.Digest().String()
	}
	_, nt := ref.(upstream.NamedTagged)
	_, c := ref.(upstream.Canonical)
	return s + fmt.Sprintf(" namedTagged=%v canonical=%v", nt, c)
}

// plainName is a Named implemented outside either package, to compare the
// paths that split a name themselves (Domain, TrimNamed, WithTag, Familiar*).
type plainName string

func (n plainName) Name() string   { return string(n) }
func (n plainName) String() string { return string(n) }

func handwritten() []string {
	upper := strings.ToUpper(hex64)
	return []string{
		"", "busybox", "busybox:latest", "busybox:1.36.1-glibc", "library/busybox", "docker.io/busybox",
		"docker.io/library/busybox", "index.docker.io/busybox", "index.docker.io/library/busybox:1",
		"index.docker.io/user/app", "docker.io/library/a/b", "docker.io/library/a/b:c", "library/a/b",
		"registry-1.docker.io/library/busybox", "user/app", "user/app:v1", "a/b/c/d/e",
		"localhost", "localhost:5000", "localhost/x", "localhost:5000/x", "localhost:5000/x:y", "LOCALHOST/x",
		"localhost.localdomain/x", "127.0.0.1:5055/compat/busybox:1", "127.0.0.1/x", "example.com/x",
		"Example.com/x", "EXAMPLE.COM:443/x/y:Z", "Foo/bar", "foo/Bar", "Foo", "FOO:tag", "foo:TAG",
		"[::1]:5000/x", "[::1]/x", "[::1]", "[::1]:5000", "[fe80::1%eth0]/x", "[]/x", "[::g]/x", "[::1:5000/x",
		"[::1]:/x", "[::1]x/y", "[2001:db8::1]:443/ns/img:tag", "a.com:/x", "a.com:x/y", "a.com:5000:6/x",
		"-a.com/x", "a-.com/x", "a--b.com/x", "a..com/x", ".a.com/x", "a.com./x", "a_b.c/d", "a_b/c",
		"a__b", "a___b", "a--b", "a-b-c", "a.b", "a..b", "a._b", "a_.b", "a-", "-a", "_a", "a_", ".a", "a.",
		"a/", "/a", "a//b", "a:", "a@", ":a", "@a", "a:b:c", "a:b/c", "a:5000/b", "a:5000/b:c",
		"a@sha256:" + hex64, "a:t@sha256:" + hex64, "a@sha256:" + upper, "a@sha256:" + hex64[:32],
		"a@sha256:" + hex64 + "0", "a@sha512:" + hex64 + hex64, "a@sha384:" + hex64 + hex64[:32],
		"a@sha384:" + hex64, "a@foo:" + hex64[:32], "a@FOO:" + hex64[:32], "a@Sha256:" + hex64,
		"a:t@SHA256:" + hex64, "a:t@foo+bar.baz:" + hex64[:32], "a:t@foo--bar:" + hex64[:32],
		"a:t@f1:" + hex64[:31], "a@sha256:", "a@", "a@@sha256:" + hex64, "a@sha256:" + hex64 + "@x",
		"a@sha256:" + hex64 + ":t", "sha256:" + hex64, "sha256:" + upper, "sha256:" + hex64[:32],
		"sha512:" + hex64 + hex64, "sha384:" + hex64 + hex64[:32], "md5:" + hex64[:32], "sha256:abc",
		"sha256", hex64, upper, hex64[:63], hex64 + "0", "sha256:" + hex64 + "@sha256:" + hex64,
		"a:" + strings.Repeat("t", 128), "a:" + strings.Repeat("t", 129), "a:_x", "a:-x", "a:.x", "a:x.-_",
		strings.Repeat("a", 245), strings.Repeat("a", 246), strings.Repeat("a", 247), strings.Repeat("a", 255),
		"docker.io/" + strings.Repeat("a/", 122) + "b", "docker.io/" + strings.Repeat("a/", 127) + "b",
		"docker.io/" + strings.Repeat("a/", 128) + "b", "localhost/" + strings.Repeat("a", 255),
		"localhost/" + strings.Repeat("a", 256), "[::1]:5000/" + strings.Repeat("a", 256), "é/x", "x/é", "busybox:é", "a b", "a\tb", "a\x00b",
	}
}

func generated() []string {
	domains := []string{"", "localhost/", "localhost:5000/", "docker.io/", "index.docker.io/", "example.com/",
		"Example.com:443/", "[::1]:5000/", "[::1]/", "127.0.0.1:5000/", "foo/", "Foo/", "a_b.c/", "a.com:/", "-a.com/"}
	paths := []string{"busybox", "library/busybox", "user/app", "a/b/c", "a__b", "a___b", "a--b", "a.b",
		"a_.b", "A", "a..b", "-a", "_a", ""}
	tags := []string{"", ":latest", ":1.0", ":-x", ":_x", ":X_Y.z-1", ":" + strings.Repeat("t", 128),
		":" + strings.Repeat("t", 129), ":", ":a:b"}
	digests := []string{"", "@sha256:" + hex64, "@sha256:" + strings.ToUpper(hex64), "@sha256:" + hex64[:32],
		"@sha512:" + hex64 + hex64, "@foo:" + hex64[:32], "@FOO:" + hex64[:32], "@sha256:", "@"}
	var out []string
	for _, d := range domains {
		for _, p := range paths {
			for _, t := range tags {
				for _, g := range digests {
					out = append(out, d+p+t+g)
				}
			}
		}
	}
	// Random strings over the grammar's alphabet, with fragments that make
	// well-formed pieces likely.
	r := rand.New(rand.NewPCG(1, 2))
	atoms := []string{"a", "b", "z", "0", "9", "A", "F", ".", "_", "-", ":", "/", "@", "[", "]", "__",
		"localhost", "docker.io", "library", "sha256:", "5000", hex64[:32], hex64}
	for range 20000 {
		var b strings.Builder
		for range r.IntN(8) + 1 {
			b.WriteString(atoms[r.IntN(len(atoms))])
		}
		out = append(out, b.String())
	}
	return out
}

// diffLines shows only the lines of two descriptions that differ.
func diffLines(ours, theirs string) string {
	o, u := strings.Split(ours, "\n"), strings.Split(theirs, "\n")
	var b strings.Builder
	for i := range max(len(o), len(u)) {
		var ol, ul string
		if i < len(o) {
			ol = o[i]
		}
		if i < len(u) {
			ul = u[i]
		}
		if ol != ul {
			fmt.Fprintf(&b, "\n  ours:     %s\n  upstream: %s", ol, ul)
		}
	}
	return b.String()
}

func TestDifferential(t *testing.T) {
	inputs := append(handwritten(), generated()...)
	failures := 0
	for _, s := range inputs {
		if ours, theirs := describeOurs(s), describeUpstream(s); ours != theirs {
			t.Errorf("input %q:%s", s, diffLines(ours, theirs))
			if failures++; failures == 20 {
				t.Fatal("too many differences")
			}
		}
	}
}

func TestDifferentialForeignNamed(t *testing.T) {
	for _, s := range []string{"foo/bar", "localhost:5000/a", "docker.io/library/x", "docker.io/x/y", "a_b/c",
		"UPPER/x", "x", "[::1]:5000/a/b", "not a name", ""} {
		ours, theirs := plainName(s), plainName(s)
		got := fmt.Sprintf("%s|%s|%s|%s", reference.Domain(ours), reference.TrimNamed(ours), reference.FamiliarName(ours), reference.FamiliarString(ours))
		want := fmt.Sprintf("%s|%s|%s|%s", upstream.Domain(theirs), upstream.TrimNamed(theirs),
			upstream.FamiliarName(theirs), upstream.FamiliarString(theirs))
		if got != want {
			t.Errorf("foreign %q: ours %q, upstream %q", s, got, want)
		}
		o, oerr := reference.WithTag(ours, "t")
		u, uerr := upstream.WithTag(theirs, "t")
		if fmt.Sprint(o, oerr, reference.IsNameOnly(ours)) != fmt.Sprint(u, uerr, upstream.IsNameOnly(theirs)) {
			t.Errorf("reference.WithTag(foreign %q): ours %v %v, upstream %v %v", s, o, oerr, u, uerr)
		}
	}
}

func FuzzDifferential(f *testing.F) {
	for _, s := range handwritten() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if ours, theirs := describeOurs(s), describeUpstream(s); ours != theirs {
			t.Errorf("input %q:%s", s, diffLines(ours, theirs))
		}
	})
}
