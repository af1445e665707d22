package opts

import (
	"runtime"
	"testing"
)

func TestParsePlatform(t *testing.T) {
	tests := []struct{ in, want, err string }{
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
	for _, tc := range tests {
		p, err := ParsePlatform(tc.in)
		if tc.err != "" {
			if err == nil || err.Error() != tc.err {
				t.Errorf("%q: err %v, want %s", tc.in, err, tc.err)
			}
			continue
		}
		if err != nil || p.String() != tc.want {
			t.Errorf("%q: got %q, %v; want %q", tc.in, p.String(), err, tc.want)
		}
	}
}
