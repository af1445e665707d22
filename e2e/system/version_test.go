//go:build e2e

package system

import (
	"regexp"
	"strings"
	"testing"

	"github.com/dockerclone/docker/e2e/e2etest"
)

func TestVersionDefault(t *testing.T) {
	r := e2etest.RunOK(t, "version")
	for _, want := range []string{
		"Client:\n Version:           ",
		"\n API version:       1.41 (downgraded from 1.50)\n",
		"\n Context:           default\n\nServer:\n Engine:\n  Version:          ",
		"\n  API version:      1.41 (minimum version 1.12)\n",
		"\n containerd:\n",
	} {
		if !strings.Contains(r.Stdout, want) {
			t.Errorf("missing %q in:\n%s", want, r.Stdout)
		}
	}
	if !regexp.MustCompile(`\n  Built:            \w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}\n`).MatchString(r.Stdout) {
		t.Errorf("engine build time not in ANSIC form:\n%s", r.Stdout)
	}
}

func TestVersionFormat(t *testing.T) {
	cases := []struct {
		name string
		env  []string
		args []string
		want string
	}{
		{"negotiated client API", nil, []string{"version", "--format", "{{.Client.APIVersion}}"}, "1.41\n"},
		{"server API", nil, []string{"version", "-f", "{{.Server.APIVersion}} {{.Server.MinAPIVersion}}"}, "1.41 1.12\n"},
		{"fixed API version", []string{"DOCKER_API_VERSION=1.40"}, []string{"version", "--format", "{{.Client.APIVersion}}|{{.Server.APIVersion}}"}, "1.40|1.41\n"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := e2etest.RunEnv(t, tc.env, tc.args...)
			if r.Code != 0 || r.Stdout != tc.want {
				t.Fatalf("got %s", r)
			}
		})
	}
}

func TestVersionJSON(t *testing.T) {
	r := e2etest.RunOK(t, "version", "--format", "{{json .}}")
	for _, key := range []string{`"Client":{"Version":`, `"ApiVersion":"1.41","DefaultAPIVersion":"1.50"`, `"Server":{"Platform":{"Name":""},"Components":[{"Name":"Engine"`} {
		if !strings.Contains(r.Stdout, key) {
			t.Errorf("missing %s in %s", key, r.Stdout)
		}
	}
}

func TestVersionErrors(t *testing.T) {
	r := e2etest.Run(t, "version", "--format", "{{.Client.Foo")
	if r.Code != 64 || r.Stderr != "template parsing error: template: version:1: unclosed action\n" {
		t.Errorf("bad template: %s", r)
	}
	r = e2etest.RunEnv(t, []string{"DOCKER_HOST=unix:///nonexistent/docker.sock"}, "version")
	if r.Code != 1 || !strings.HasPrefix(r.Stdout, "Client:\n") || strings.Contains(r.Stdout, "Server:") ||
		r.Stderr != "Cannot connect to the Docker daemon at unix:///nonexistent/docker.sock. Is the docker daemon running?\n" {
		t.Errorf("unreachable: %s", r)
	}
}
