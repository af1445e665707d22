package opts

import "testing"

// -p and --expose specs: parsing never panics, and a spec that parses
// publishes only valid ports.
func FuzzParsePorts(f *testing.F) {
	for _, s := range []string{"80", "8080:80", "127.0.0.1:8080:80/udp", "[::1]:80:80", "1000-1002:2000-2002/tcp",
		"0.0.0.0::53/sctp", ":80", "80-", "65536:1", "5000-4000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ps, err := ParsePublish([]string{s})
		if err == nil {
			_ = ParseExpose(ps.Exposed, []string{s})
		}
		_ = ParseExpose(map[string]struct{}{}, []string{s})
	})
}
