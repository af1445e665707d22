package opts

import "testing"

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
