package reference

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"
)

var (
	hex64 = strings.Repeat("0123456789abcdef", 4)
	id64  = "4e38e38c8ce0b8d9041a9c4fefe786631d1416225e13b0bfe8cfa2321aec4bba"
)

func TestParseNormalizedNamed(t *testing.T) {
	tests := []struct {
		in, want, familiar, domain, err string
	}{
		{in: "busybox", want: "docker.io/library/busybox", familiar: "busybox", domain: "docker.io"},
		{in: "index.docker.io/busybox:1", want: "docker.io/library/busybox:1", familiar: "busybox:1", domain: "docker.io"},
		{in: "docker.io/library/a/b", want: "docker.io/library/a/b", familiar: "library/a/b", domain: "docker.io"},
		{in: "user/app:v1.0", want: "docker.io/user/app:v1.0", familiar: "user/app:v1.0", domain: "docker.io"},
		{in: "localhost/x", want: "localhost/x", familiar: "localhost/x", domain: "localhost"},
		{in: "localhost:5000", want: "docker.io/library/localhost:5000", familiar: "localhost:5000", domain: "docker.io"},
		{in: "[::1]:5000/x:t", want: "[::1]:5000/x:t", familiar: "[::1]:5000/x:t", domain: "[::1]:5000"},
		{in: "Foo/bar", want: "Foo/bar", familiar: "Foo/bar", domain: "Foo"},
		{in: "a_b.c/d", want: "a_b.c/d", familiar: "a_b.c/d", domain: ""},
		{in: "x:t@sha256:" + hex64, want: "docker.io/library/x:t@sha256:" + hex64, familiar: "x:t@sha256:" + hex64, domain: "docker.io"},
		{in: "", err: "invalid reference format"},
		{in: "Busybox", err: "invalid reference format: repository name (library/Busybox) must be lowercase"},
		{in: "docker.io/Foo/bar", err: "invalid reference format: repository name (Foo/bar) must be lowercase"},
		{in: id64, err: "invalid repository name (" + id64 + "), cannot specify 64-byte hexadecimal strings"},
		{in: "x:-bad", err: "invalid reference format"},
		{in: "x@sha256:" + hex64[:32], err: "invalid checksum digest length"},
		{in: "x@sha256:" + strings.ToUpper(hex64), err: "invalid checksum digest format"},
		{in: "x@foo:" + hex64, err: "unsupported digest algorithm"},
		{in: strings.Repeat("a", 247), want: "docker.io/library/" + strings.Repeat("a", 247), familiar: strings.Repeat("a", 247), domain: "docker.io"},
		{in: strings.Repeat("a", 248), err: "repository name must not be more than 255 characters"},
		{in: "localhost/" + strings.Repeat("a", 256), err: "repository name must not be more than 255 characters"},
	}
	for _, tt := range tests {
		ref, err := ParseNormalizedNamed(tt.in)
		if tt.err != "" {
			if err == nil || err.Error() != tt.err {
				t.Errorf("ParseNormalizedNamed(%q) error = %v, want %q", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseNormalizedNamed(%q): %v", tt.in, err)
			continue
		}
		if ref.String() != tt.want || FamiliarString(ref) != tt.familiar || Domain(ref) != tt.domain {
			t.Errorf("ParseNormalizedNamed(%q) = %q familiar %q domain %q, want %q %q %q",
				tt.in, ref.String(), FamiliarString(ref), Domain(ref), tt.want, tt.familiar, tt.domain)
		}
	}
}

func TestParseAnyReference(t *testing.T) {
	for in, want := range map[string]string{
		id64:                              "sha256:" + id64,
		"sha256:" + id64:                  "sha256:" + id64,
		"sha256:abc":                      "docker.io/library/sha256:abc",
		"busybox@sha256:" + id64:          "docker.io/library/busybox@sha256:" + id64,
		"sha512:" + hex64 + hex64:         "sha512:" + hex64 + hex64,
		"sha256:" + strings.ToUpper(id64): "docker.io/library/sha256:" + strings.ToUpper(id64),
	} {
		ref, err := ParseAnyReference(in)
		if err != nil || ref.String() != want {
			t.Errorf("ParseAnyReference(%q) = %v, %v; want %q", in, ref, err, want)
		}
	}
	ref, _ := ParseAnyReference(id64)
	if d, ok := ref.(Digested); !ok || d.Digest().String() != "sha256:"+id64 {
		t.Errorf("ParseAnyReference(id) is not a digest reference: %#v", ref)
	}
}

func TestTagging(t *testing.T) {
	named, _ := ParseNormalizedNamed("busybox")
	if !IsNameOnly(named) || TagNameOnly(named).String() != "docker.io/library/busybox:latest" {
		t.Errorf("TagNameOnly(busybox) = %v", TagNameOnly(named))
	}
	canonical, _ := ParseNormalizedNamed("busybox@sha256:" + id64)
	if IsNameOnly(canonical) || TagNameOnly(canonical) != canonical {
		t.Errorf("TagNameOnly changed a digested name: %v", TagNameOnly(canonical))
	}
	both, err := WithTag(canonical, "v1")
	if err != nil || both.String() != "docker.io/library/busybox:v1@sha256:"+id64 {
		t.Errorf("WithTag(canonical) = %v, %v", both, err)
	}
	if _, ok := both.(Canonical); !ok {
		t.Errorf("WithTag lost the digest: %#v", both)
	}
	if _, err := WithTag(named, "-x"); err == nil || err.Error() != "invalid tag format" {
		t.Errorf("WithTag(-x) error = %v", err)
	}
	if got := TrimNamed(both).String(); got != "docker.io/library/busybox" {
		t.Errorf("TrimNamed = %q", got)
	}
}

// TestNoInitWork guards the reason this package exists: no package-level
// variable may be computed at start-up, and no init function may run.
func TestNoInitWork(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range f.Decls {
			switch d := decl.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil && d.Name.Name == "init" {
					t.Errorf("%s: func init", fset.Position(d.Pos()))
				}
			case *ast.GenDecl:
				if d.Tok == token.VAR {
					t.Errorf("%s: package-level var (use constants or compute on first use)", fset.Position(d.Pos()))
				}
			}
		}
	}
}
