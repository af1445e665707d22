package opts

import (
	"errors"
	"fmt"
	"path"
	"regexp"
	"runtime"
	"strings"
	"sync"
)

// Platform is an OCI platform (--platform) after normalization.
type Platform struct {
	OS           string
	OSVersion    string
	Architecture string
	Variant      string
}

// String is os/arch[/variant], the form the daemon's platform query takes.
func (p Platform) String() string {
	if p.OS == "" {
		return "unknown"
	}
	return path.Join(p.OS, p.Architecture, p.Variant)
}

// ErrInvalidPlatform ends every ParsePlatform error, as the reference words them.
var ErrInvalidPlatform = errors.New("invalid argument")

// The patterns are compiled on first use: nothing is built at start-up for
// commands that take no --platform.
var (
	platformOSPattern   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^([A-Za-z0-9_-]+)(?:\(([A-Za-z0-9_.-]*)\))?$`) })
	platformPartPattern = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[A-Za-z0-9_.-]+$`) })
)

// ParsePlatform reads os[(version)][/arch[/variant]] or a bare OS or
// architecture (the other half defaults to this client's), normalizing
// aliases such as x86_64 and aarch64.
func ParsePlatform(spec string) (Platform, error) {
	if strings.Contains(spec, "*") {
		return Platform{}, fmt.Errorf("%q: wildcards not yet supported: %w", spec, ErrInvalidPlatform)
	}
	parts := strings.SplitN(spec, "/", 4)
	var p Platform
	m := platformOSPattern().FindStringSubmatch(parts[0])
	if m == nil {
		return Platform{}, fmt.Errorf("%q is an invalid OS component of %q: OSAndVersion specifier component must match %q: %w",
			parts[0], spec, platformOSPattern().String(), ErrInvalidPlatform)
	}
	p.OS, p.OSVersion = normalizeOS(m[1]), m[2]
	for _, part := range parts[1:] {
		if !platformPartPattern().MatchString(part) {
			return Platform{}, fmt.Errorf("%q is an invalid component of %q: platform specifier component must match %q: %w",
				part, spec, platformPartPattern().String(), ErrInvalidPlatform)
		}
	}
	switch len(parts) {
	case 1:
		if knownOS[p.OS] {
			p.Architecture = runtime.GOARCH
			return p, nil
		}
		p.Architecture, p.Variant = normalizeArch(parts[0], "")
		if p.Architecture == "arm" && p.Variant == "v7" {
			p.Variant = ""
		}
		if knownArch[p.Architecture] {
			p.OS, p.OSVersion = runtime.GOOS, ""
			return p, nil
		}
		return Platform{}, fmt.Errorf("%q: unknown operating system or architecture: %w", spec, ErrInvalidPlatform)
	case 2:
		p.Architecture, p.Variant = normalizeArch(parts[1], "")
		if p.Architecture == "arm" && p.Variant == "v7" {
			p.Variant = ""
		}
		return p, nil
	case 3:
		p.Architecture, p.Variant = normalizeArch(parts[1], parts[2])
		if p.Architecture == "arm64" && p.Variant == "" {
			p.Variant = "v8"
		}
		return p, nil
	}
	return Platform{}, fmt.Errorf("%q: cannot parse platform specifier: %w", spec, ErrInvalidPlatform)
}

func normalizeOS(os string) string {
	os = strings.ToLower(os)
	if os == "macos" {
		return "darwin"
	}
	return os
}

func normalizeArch(arch, variant string) (string, string) {
	arch, variant = strings.ToLower(arch), strings.ToLower(variant)
	switch arch {
	case "i386":
		return "386", ""
	case "x86_64", "x86-64", "amd64":
		if variant == "v1" {
			variant = ""
		}
		return "amd64", variant
	case "aarch64", "arm64":
		switch variant {
		case "8", "v8", "v8.0":
			variant = ""
		case "9", "9.0", "v9.0":
			variant = "v9"
		}
		return "arm64", variant
	case "armhf":
		return "arm", "v7"
	case "armel":
		return "arm", "v6"
	case "arm":
		switch variant {
		case "", "7":
			variant = "v7"
		case "5", "6", "8":
			variant = "v" + variant
		}
	}
	return arch, variant
}

var knownOS = setOf("aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "js",
	"linux", "nacl", "netbsd", "openbsd", "plan9", "solaris", "wasip1", "windows", "zos")

var knownArch = setOf("386", "amd64", "amd64p32", "arm", "armbe", "arm64", "arm64be", "loong64", "mips",
	"mipsle", "mips64", "mips64le", "mips64p32", "mips64p32le", "ppc", "ppc64", "ppc64le", "riscv",
	"riscv64", "s390", "s390x", "sparc", "sparc64", "wasm")

func setOf(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}
