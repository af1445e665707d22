package opts

import (
	"strings"
	"testing"
)

// --mount specs: parsing never panics, whatever the input.
func FuzzParseMount(f *testing.F) {
	for _, s := range []string{
		"type=bind,source=/tmp,target=/data,readonly",
		"type=volume,src=v1,dst=/v,volume-driver=local,volume-opt=type=tmpfs,volume-nocopy",
		"type=tmpfs,target=/t,tmpfs-size=64m,tmpfs-mode=1770",
		`"type=bind","source=/a,b",target=/c`,
		"type=bind,bind-propagation=rshared,consistency=cached,target=/x,source=/y",
		"target=/x,ro=maybe",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_, _ = ParseMount(s)
	})
}

// -v specs: parsing never panics; a bind keeps its target and mode as
// typed, and only a relative source is rewritten.
func FuzzParseVolume(f *testing.F) {
	for _, s := range []string{"/data", "vol:/data", "/host:/ctr:ro", "./rel:/x:rw,z", "../up:/y", "c:\\x:/y", ":/volume",
		"a:b:c:d", "/a::/b", "v", "::", "named-vol:/data:nocopy"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, bind, err := ParseVolume(s)
		switch {
		case err != nil:
			return
		case !bind && v != s:
			t.Fatalf("ParseVolume(%q) = %q, anonymous but rewritten", s, v)
		case bind && !strings.HasPrefix(s, ".") && v != s:
			t.Fatalf("ParseVolume(%q) = %q, rewritten", s, v)
		case bind && !strings.HasSuffix(v, s[strings.IndexByte(s, ':'):]):
			t.Fatalf("ParseVolume(%q) = %q, target or mode changed", s, v)
		}
	})
}
