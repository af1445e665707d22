//go:build e2e

package volume

import (
	"strings"
	"testing"

	"github.com/dockerclone/docker/e2e/e2etest"
)

func TestVolumeLifecycle(t *testing.T) {
	name := e2etest.VolumeName(t, "e2e-vol")
	r := e2etest.RunOK(t, "volume", "create", "--label", "e2e=1", "-o", "type=tmpfs", "-o", "device=tmpfs", name)
	if r.Stdout != name+"\n" {
		t.Fatalf("create: %q", r.Stdout)
	}
	r = e2etest.RunOK(t, "volume", "ls", "-f", "name="+name)
	if r.Stdout != "DRIVER    VOLUME NAME\nlocal     "+name+"\n" {
		t.Fatalf("ls: %q", r.Stdout)
	}
	r = e2etest.RunOK(t, "volume", "ls", "-q", "-f", "label=e2e=1", "-f", "name="+name)
	if r.Stdout != name+"\n" {
		t.Fatalf("ls -q: %q", r.Stdout)
	}
	// An empty filter is ignored (scripts pass -f "$VAR").
	r = e2etest.RunOK(t, "volume", "ls", "-q", "-f", "", "-f", "name="+name)
	if r.Stdout != name+"\n" {
		t.Fatalf("ls -f '': %q", r.Stdout)
	}
	r = e2etest.RunOK(t, "volume", "inspect", "-f", "{{.Name}} {{.Driver}} {{.Labels}} {{.Options}}", name)
	if r.Stdout != name+" local map[e2e:1] map[device:tmpfs type:tmpfs]\n" {
		t.Fatalf("inspect: %q", r.Stdout)
	}
	r = e2etest.RunOK(t, "volume", "inspect", name)
	if !strings.HasPrefix(r.Stdout, "[\n    {\n        \"CreatedAt\": ") {
		t.Fatalf("inspect json: %q", r.Stdout)
	}
	r = e2etest.Run(t, "volume", "rm", name, "e2e-no-such-vol")
	if r.Code != 1 || r.Stdout != name+"\n" || !strings.Contains(r.Stderr, "e2e-no-such-vol") {
		t.Fatalf("rm: %s", r)
	}
	r = e2etest.RunOK(t, "volume", "rm", "-f", "e2e-no-such-vol")
	if r.Stdout != "e2e-no-such-vol\n" {
		t.Fatalf("rm -f: %q", r.Stdout)
	}
}

func TestVolumePrune(t *testing.T) {
	name := e2etest.VolumeName(t, "e2e-volp")
	label := "e2e-prune-" + name
	e2etest.RunOK(t, "volume", "create", "--label", label, name)
	r := e2etest.RunOK(t, "volume", "prune", "-f", "--filter", "", "--filter", "label="+label)
	if r.Stdout != "Deleted Volumes:\n"+name+"\n\nTotal reclaimed space: 0B\n" {
		t.Fatalf("prune: %q", r.Stdout)
	}
}
