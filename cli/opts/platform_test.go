package opts

import (
	"runtime"
	"testing"
)

func TestParsePlatform(t *testing.T) {
	tests := []parseCase{
		{"linux/amd64", "linux/amd64", ""},
		{"LINUX/X86_64", "linux/amd64", ""},
		{"linux/aarch64", "linux/arm64", ""},
		{"linux/arm64/v8", "linux/arm64/v8", ""},
		{"linux/arm64/8", "linux/arm64/v8", ""},
		{"linux/armhf", "linux/arm", ""},
		{"linux/arm/v7", "linux/arm/v7", ""},
		{"linux/arm/6", "linux/arm/v6", ""},
		{"linux(1.0)/amd64", "linux/amd64", ""},
		{"macos/arm64", "darwin/arm64", ""},
		{"x86_64", runtime.GOOS + "/amd64", ""},
		{"windows", "windows/" + runtime.GOARCH, ""},
		{"foo", "", `"foo": unknown operating system or architecture: invalid argument`},
		{"a/b/c/d", "", `"a/b/c/d": cannot parse platform specifier: invalid argument`},
		{"linux/*", "", `"linux/*": wildcards not yet supported: invalid argument`},
		{"linux/a b", "", `"a b" is an invalid component of "linux/a b": platform specifier component must match "^[A-Za-z0-9_.-]+$": invalid argument`},
		{"/amd64", "", `"" is an invalid OS component of "/amd64": OSAndVersion specifier component must match "^([A-Za-z0-9_-]+)(?:\\(([A-Za-z0-9_.-]*)\\))?$": invalid argument`},
	}
	checkParses(t, tests, func(in string) (string, error) {
		p, err := ParsePlatform(in)
		return p.String(), err
	})
}
