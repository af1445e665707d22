//go:build e2e

package completion

import (
	"encoding/json"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/dockerclone/docker/e2e/e2etest"
)

// candidates runs `docker __complete args...` and returns the candidates
// (descriptions dropped) and the directive line.
func candidates(t *testing.T, args ...string) ([]string, string) {
	t.Helper()
	r := e2etest.Run(t, append([]string{"__complete"}, args...)...)
	if r.Code != 0 {
		t.Fatalf("__complete %v:\n%s", args, r)
	}
	lines := strings.Split(strings.TrimSuffix(r.Stdout, "\n"), "\n")
	var names []string
	for _, l := range lines[:len(lines)-1] {
		name, _, _ := strings.Cut(l, "\t")
		names = append(names, name)
	}
	return names, lines[len(lines)-1]
}

// Names come live from the engine: a running and a stopped container, a tag.
func TestCompletionFromEngine(t *testing.T) {
	running := e2etest.ContainerName(t, "hx-comp-run")
	stopped := e2etest.ContainerName(t, "hx-comp-stopped")
	image := e2etest.ImageName(t, "hx-comp-img")
	e2etest.RunOK(t, "run", "-d", "--network", "none", "--name", running, e2etest.Image, "sleep", "300")
	e2etest.RunOK(t, "create", "--network", "none", "--name", stopped, e2etest.Image, "true")
	e2etest.RunOK(t, "tag", e2etest.Image, image+":v1")
	e2etest.CleanupImage(t, image+":v1")
	// Names as the engine lists them (Podman qualifies image names).
	fixture, tagged := e2etest.RepoTag(t, e2etest.Image), e2etest.RepoTag(t, image+":v1")
	var nets []struct{ Name string }
	if _, body := e2etest.API(t, http.MethodGet, "/networks", nil); json.Unmarshal(body, &nets) != nil || len(nets) == 0 {
		t.Fatalf("networks: %s", body)
	}
	var networks []string // the engine's own: Docker's bridge, host, none; Podman's podman
	for _, n := range nets {
		if !regexp.MustCompile(`-[0-9a-f]{10}`).MatchString(n.Name) { // other tests' come and go
			networks = append(networks, n.Name)
		}
	}

	tests := []struct {
		args          []string
		has, hasNot   []string
		wantDirective string
	}{
		{[]string{"stop", ""}, []string{running}, []string{stopped}, ":4"},
		{[]string{"kill", ""}, []string{running}, []string{stopped}, ":4"},
		{[]string{"exec", ""}, []string{running}, []string{stopped}, ":4"},
		{[]string{"attach", ""}, []string{running}, []string{stopped}, ":4"},
		{[]string{"logs", ""}, []string{running, stopped}, nil, ":4"},
		{[]string{"logs", "-f", ""}, []string{running, stopped}, nil, ":4"},
		{[]string{"start", ""}, []string{stopped}, []string{running}, ":4"},
		{[]string{"rm", ""}, []string{stopped}, []string{running}, ":4"},
		{[]string{"rm", "-f", ""}, []string{running, stopped}, nil, ":4"},
		{[]string{"container", "inspect", ""}, []string{running, stopped}, nil, ":4"},
		{[]string{"run", ""}, []string{fixture, tagged}, []string{running}, ":4"},
		{[]string{"rmi", ""}, []string{tagged}, nil, ":4"},
		{[]string{"history", ""}, []string{tagged}, nil, ":4"},
		{[]string{"tag", e2etest.Image, ""}, []string{tagged}, nil, ":4"},
		{[]string{"push", ""}, []string{tagged}, nil, ":4"},
		{[]string{"run", "--network", ""}, networks, nil, ":4"},
		{[]string{"context", "use", ""}, []string{"default"}, nil, ":4"},
		{[]string{"--context", ""}, []string{"default"}, nil, ":4"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			got, directive := candidates(t, tt.args...)
			for _, want := range tt.has {
				if !slices.Contains(got, want) {
					t.Errorf("%q missing from %q", want, got)
				}
			}
			for _, bad := range tt.hasNot {
				if slices.Contains(got, bad) {
					t.Errorf("%q should not be offered: %q", bad, got)
				}
			}
			if directive != tt.wantDirective {
				t.Errorf("directive %s, want %s", directive, tt.wantDirective)
			}
		})
	}
}

// With no engine, completion offers nothing and, like the reference,
// tells the shell it failed (ShellCompDirectiveError).
func TestCompletionWithoutEngine(t *testing.T) {
	r := e2etest.RunEnv(t, []string{"DOCKER_HOST=unix:///nonexistent/docker.sock"}, "__complete", "stop", "")
	if r.Code != 0 || r.Stdout != ":1\n" {
		t.Fatalf("want only the directive; got\n%s", r)
	}
}
