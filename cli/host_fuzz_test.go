package cli

import (
	"net"
	"strings"
	"testing"
)

// -H / DOCKER_HOST values and context hosts: parsing never panics, and
// what parses names a known transport, tcp with a host and a port of digits.
func FuzzParseHost(f *testing.F) {
	for _, s := range []string{"", "unix:///var/run/docker.sock", "tcp://10.0.0.5:2376", "tcp://:2375/base/path", "10.0.0.1",
		"ssh://me@box:2222/run/docker.sock", "fd://", "npipe:////./pipe/docker_engine", "tcp://[::1]:2375", "foo://bar", "tcp://user:pw@h?q=1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		h, err := ParseHost(s, false)
		if err != nil {
			return
		}
		proto, addr, ok := strings.Cut(h, "://")
		switch {
		case !ok:
			t.Fatalf("ParseHost(%q) = %q: no scheme", s, h)
		case proto == "tcp":
			hostport, _, _ := strings.Cut(addr, "/")
			// Any run of digits is a port here, as with the reference
			// (a port past int64 then fails to dial).
			host, port, err := net.SplitHostPort(hostport)
			if err != nil || host == "" || port == "" || strings.Trim(port, "0123456789") != "" {
				t.Fatalf("ParseHost(%q) = %q: bad address", s, h)
			}
		case proto != "unix" && proto != "npipe" && proto != "fd" && proto != "ssh":
			t.Fatalf("ParseHost(%q) = %q", s, h)
		}
	})
}

// ssh:// hosts end up on ssh's command line: the host can never become an
// option, and only the parts of the URL reach it.
func FuzzParseSSHURL(f *testing.F) {
	for _, s := range []string{"ssh://me@box", "ssh://box:2222/var/run/docker.sock", "ssh://-oProxyCommand=x", "ssh://u:p@h",
		"ssh://h?x=1", "ssh://h#f", "ssh://[::1]:22"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		spec, err := ParseSSHURL(s)
		if err != nil {
			return
		}
		args := spec.Command()
		i := 0
		for i < len(args) && args[i] != "--" {
			i++
		}
		if i+1 >= len(args) || args[i+1] != spec.Host {
			t.Fatalf("%q: host %q not after --: %q", s, spec.Host, args)
		}
	})
}
