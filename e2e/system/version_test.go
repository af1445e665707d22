//go:build e2e

package system

import (
	"encoding/json"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/dockerclone/docker/e2e/e2etest"
)

// engineVersion is the engine's own /version.
type engineVersion struct {
	Platform   struct{ Name string }
	Components []struct {
		Name    string
		Details map[string]string
	}
	APIVersion    string `json:"ApiVersion"`
	MinAPIVersion string
}

func getEngineVersion(t *testing.T) engineVersion {
	t.Helper()
	var v engineVersion
	if _, body := e2etest.API(t, http.MethodGet, "/version", nil); json.Unmarshal(body, &v) != nil {
		t.Fatalf("engine version: %s", body)
	}
	return v
}

// TestVersionDefault: the server part lists the engine's components in its
// order; an engine without an "Engine" one (Podman) gets one made from the
// top-level fields, last, like the reference does.
func TestVersionDefault(t *testing.T) {
	v := getEngineVersion(t)
	r := e2etest.RunOK(t, "version")
	server := "\n Context:           default\n\nServer:"
	if v.Platform.Name != "" {
		server += " " + v.Platform.Name
	}
	server += "\n " + v.Components[0].Name + ":\n  Version:          "
	for _, want := range []string{
		"Client:\n Version:           ",
		"\n API version:       " + v.APIVersion + " (downgraded from 1.50)\n",
		server,
		"\n Engine:\n  Version:          ",
		"\n  API version:      " + v.APIVersion + " (minimum version " + v.MinAPIVersion + ")\n",
	} {
		if !strings.Contains(r.Stdout, want) {
			t.Errorf("missing %q in:\n%s", want, r.Stdout)
		}
	}
	if !regexp.MustCompile(`\n  Built:            \w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}\n`).MatchString(r.Stdout) {
		t.Errorf("engine build time not in ANSIC form:\n%s", r.Stdout)
	}
	// The components as the engine lists them, and a made-up Engine last if
	// it sends none.
	var want []string
	for _, c := range v.Components {
		want = append(want, c.Name)
	}
	if !slices.Contains(want, "Engine") {
		want = append(want, "Engine")
	}
	_, server, _ = strings.Cut(r.Stdout, "\nServer:")
	var got []string
	for _, m := range regexp.MustCompile(`(?m)^ (\S.*):$`).FindAllStringSubmatch(server, -1) {
		got = append(got, m[1])
	}
	if !slices.Equal(got, want) {
		t.Errorf("components %q, want %q", got, want)
	}
}

func TestVersionFormat(t *testing.T) {
	v := getEngineVersion(t)
	cases := []struct {
		name string
		env  []string
		args []string
		want string
	}{
		{"negotiated client API", nil, []string{"version", "--format", "{{.Client.APIVersion}}"}, v.APIVersion + "\n"},
		{"server API", nil, []string{"version", "-f", "{{.Server.APIVersion}} {{.Server.MinAPIVersion}}"}, v.APIVersion + " " + v.MinAPIVersion + "\n"},
		{"fixed API version", []string{"DOCKER_API_VERSION=1.40"}, []string{"version", "--format", "{{.Client.APIVersion}}|{{.Server.APIVersion}}"}, "1.40|" + v.APIVersion + "\n"},
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
	v := getEngineVersion(t)
	r := e2etest.RunOK(t, "version", "--format", "{{json .}}")
	for _, key := range []string{`"Client":{"Version":`, `"ApiVersion":"` + v.APIVersion + `","DefaultAPIVersion":"1.50"`,
		`"Server":{"Platform":{"Name":"` + v.Platform.Name + `"},"Components":[{"Name":"` + v.Components[0].Name + `"`} {
		if !strings.Contains(r.Stdout, key) {
			t.Errorf("missing %s in %s", key, r.Stdout)
		}
	}
	// A made-up Engine component (Podman) is the last one and, like the
	// reference's, has no KernelVersion.
	var got struct {
		Server struct {
			Components []struct {
				Name    string
				Details map[string]string
			}
		}
	}
	if err := json.Unmarshal([]byte(r.Stdout), &got); err != nil {
		t.Fatal(err)
	}
	cs := got.Server.Components
	if len(cs) != len(v.Components) && len(cs) != len(v.Components)+1 {
		t.Fatalf("components %+v", cs)
	}
	if len(cs) == len(v.Components)+1 {
		if last := cs[len(cs)-1]; last.Name != "Engine" || last.Details["KernelVersion"] != "" || last.Details["ApiVersion"] != v.APIVersion {
			t.Errorf("made-up Engine component: %+v", last)
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
