package registry

import (
	"strings"
	"testing"
)

func TestEndpoints(t *testing.T) {
	for host, want := range map[string]string{
		"127.0.0.1:5000":  "https://127.0.0.1:5000 http://127.0.0.1:5000",
		"localhost:5000":  "https://localhost:5000 http://localhost:5000",
		"10.1.2.3:5000":   "https://10.1.2.3:5000",
		"index.docker.io": "https://registry-1.docker.io",
		"docker.io":       "https://registry-1.docker.io",
	} {
		if got := strings.Join(Endpoints(host, IsLoopback(host)), " "); got != want {
			t.Errorf("Endpoints(%q) = %q, want %q", host, got, want)
		}
	}
}

func TestParseChallenge(t *testing.T) {
	ch := ParseChallenge(`Bearer realm="https://auth.example/token",service="registry.example"`)
	if ch.Scheme != "bearer" || ch.Params["realm"] != "https://auth.example/token" || ch.Params["service"] != "registry.example" {
		t.Fatalf("%+v", ch)
	}
}
