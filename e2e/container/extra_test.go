//go:build e2e

package container

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dockerclone/docker/e2e/e2etest"
)

func TestPortTopDiff(t *testing.T) {
	name := e2etest.ContainerName(t, "e2e-extra")
	e2etest.RunOK(t, "run", "-d", "--name", name, "-p", "127.0.0.1::80", e2etest.Image,
		"sh", "-c", "echo x > /tmp/new; sleep 60")
	r := e2etest.RunOK(t, "port", name, "80")
	if !strings.HasPrefix(r.Stdout, "127.0.0.1:") {
		t.Fatalf("port: %q", r.Stdout)
	}
	r = e2etest.Run(t, "port", name, "81")
	if r.Code != 1 || r.Stderr != "Error: No public port '81' published for "+name+"\n" {
		t.Fatalf("port 81: %s", r)
	}
	// Just after the start the process may still be the runtime's (exe).
	for i := 0; i < 50; i++ {
		if r = e2etest.RunOK(t, "top", name, "-o", "pid,comm"); strings.Contains(r.Stdout, "sleep") {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	header := "PID                 COMMAND\n"
	if e2etest.Podman() {
		header = "PID   COMMAND\n" // Podman's ps output in one column
	}
	if !strings.HasPrefix(r.Stdout, header) || !strings.Contains(r.Stdout, "sleep") {
		t.Fatalf("top: %q", r.Stdout)
	}
	// The change shows once the shell has written the file.
	for i := 0; i < 50; i++ {
		if r = e2etest.RunOK(t, "diff", name); strings.Contains(r.Stdout, "A /tmp/new") {
			break
		}
	}
	if !strings.Contains(r.Stdout, "C /tmp\n") || !strings.Contains(r.Stdout, "A /tmp/new\n") {
		t.Fatalf("diff: %q", r.Stdout)
	}
}

func TestCpAndExport(t *testing.T) {
	name := e2etest.ContainerName(t, "e2e-cp")
	e2etest.RunOK(t, "create", "--name", name, e2etest.Image, "true")
	dir := t.TempDir()
	src := filepath.Join(dir, "in.txt")
	if err := os.WriteFile(src, []byte("hello\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	e2etest.RunOK(t, "cp", src, name+":/tmp/copied.txt")
	e2etest.RunOK(t, "cp", name+":/tmp/copied.txt", filepath.Join(dir, "back.txt"))
	if b, err := os.ReadFile(filepath.Join(dir, "back.txt")); err != nil || string(b) != "hello\n" {
		t.Fatalf("round trip: %q %v", b, err)
	}
	e2etest.RunOK(t, "cp", name+":/etc", filepath.Join(dir, "etc2"))
	if _, err := os.Stat(filepath.Join(dir, "etc2", "passwd")); err != nil {
		t.Fatalf("directory copy: %v", err)
	}
	out := filepath.Join(dir, "fs.tar")
	e2etest.RunOK(t, "export", "-o", out, name)
	if fi, err := os.Stat(out); err != nil || fi.Size() < 10240 {
		t.Fatalf("export: %v %v", fi, err)
	}
}

func TestUpdateAndStats(t *testing.T) {
	name := e2etest.ContainerName(t, "e2e-upd")
	e2etest.RunOK(t, "create", "--name", name, e2etest.Image, "true")
	// --cpus needs API 1.29: older versions leave it out.
	args, want := []string{"update", "--restart", "on-failure:2", name}, "0 on-failure\n"
	if !e2etest.APIBelow("1.29") {
		args, want = append([]string{"update", "--cpus", "0.5"}, args[1:]...), "500000000 on-failure\n"
	}
	r := e2etest.Run(t, args...)
	if e2etest.Podman() {
		// Podman 4 has no update endpoint: its answer is the error.
		if want := e2etest.DaemonError(t, http.MethodPost, "/containers/"+name+"/update") + "\n"; r.Code != 1 || r.Stderr != want {
			t.Fatalf("update: want %q; got %s", want, r)
		}
	} else {
		if r.Code != 0 || r.Stdout != name+"\n" {
			t.Fatalf("update: %s", r)
		}
		r = e2etest.RunOK(t, "inspect", "-f", "{{.HostConfig.NanoCpus}} {{.HostConfig.RestartPolicy.Name}}", name)
		if r.Stdout != want {
			t.Fatalf("after update: %q", r.Stdout)
		}
	}
	r = e2etest.Run(t, "stats", "--no-stream", "--format", "{{.Container}} {{.Name}} {{.CPUPerc}} {{.PIDs}}", name)
	if e2etest.Podman() {
		// Podman sends no sample of a container that never ran.
		if r.Code != 1 || r.Stderr != "EOF\n" {
			t.Fatalf("stats: %s", r)
		}
	} else if r.Code != 0 || r.Stdout != name+" "+name+" 0.00% 0\n" {
		t.Fatalf("stats: %s", r)
	}
}
