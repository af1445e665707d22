//go:build e2e

package container

import (
	"strings"
	"testing"

	"github.com/dockerclone/docker/e2e/e2etest"
)

func TestExec(t *testing.T) {
	name := e2etest.ContainerName(t, "hx-exec")
	e2etest.RunOK(t, "run", "-d", "--name", name, "--network", "none", e2etest.Image, "sleep", "300")

	// -e needs API 1.25, -w 1.35: older versions leave them out.
	args, want := []string{"exec", "-u", "nobody"}, "\n/\n65534\n"
	if !e2etest.APIBelow("1.25") {
		args, want = append(args, "-e", "FOO=bar"), "bar\n/\n65534\n"
	}
	if !e2etest.APIBelow("1.35") {
		args, want = append(args, "-w", "/tmp"), strings.Replace(want, "/\n", "/tmp\n", 1)
	}
	r := e2etest.Run(t, append(args, name, "sh", "-c", "echo $FOO; pwd; id -u; echo err >&2; exit 5")...)
	if r.Code != 5 || r.Stdout != want || r.Stderr != "err\n" {
		t.Fatalf("exec: want exit 5 with env, workdir and user applied; got\n%s", r)
	}
	r = e2etest.RunStdin(t, "piped\n", "exec", "-i", name, "cat")
	if r.Code != 0 || r.Stdout != "piped\n" {
		t.Fatalf("exec -i: got\n%s", r)
	}
	r = e2etest.Run(t, "exec", "-d", name, "sh", "-c", "echo x > /tmp/detached")
	if r.Code != 0 || r.Stdout != "" {
		t.Fatalf("exec -d: got\n%s", r)
	}
	r = e2etest.Run(t, "exec", name, "nosuchcommand")
	if r.Code != 126 && r.Code != 127 {
		t.Fatalf("exec of a missing command: want 126 or 127 (daemon's choice); got\n%s", r)
	}
	r = e2etest.Run(t, "exec", "-it", name, "true")
	if r.Code != 1 || r.Stderr != "the input device is not a TTY\n" {
		t.Fatalf("exec -it without a terminal: got\n%s", r)
	}
	missing := e2etest.UniqueName(t, "hx-missing")
	r = e2etest.Run(t, "exec", missing, "true")
	if r.Code != 1 || r.Stderr != e2etest.NoSuchContainer(t, missing)+"\n" {
		t.Fatalf("exec in a missing container: got\n%s", r)
	}
}
