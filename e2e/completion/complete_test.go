//go:build e2e

package completion

import (
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
		{[]string{"run", ""}, []string{e2etest.Image, image + ":v1"}, []string{running}, ":4"},
		{[]string{"rmi", ""}, []string{image + ":v1"}, nil, ":4"},
		{[]string{"history", ""}, []string{image + ":v1"}, nil, ":4"},
		{[]string{"tag", e2etest.Image, ""}, []string{image + ":v1"}, nil, ":4"},
		{[]string{"push", ""}, []string{image + ":v1"}, nil, ":4"},
		{[]string{"run", "--network", ""}, []string{"bridge", "host", "none"}, nil, ":4"},
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
