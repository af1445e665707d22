//go:build e2e

package plugin

import (
	"archive/tar"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dockerclone/docker/e2e/e2etest"
)

// pluginDir lays out a tiny plugin: busybox's rootfs and a volume-driver
// config whose socket never appears (enable fails as the engine says).
func pluginDir(t *testing.T) string {
	dir := t.TempDir()
	rootfs := filepath.Join(dir, "rootfs")
	name := e2etest.ContainerName(t, "fplugsrc")
	e2etest.RunOK(t, "create", "--name", name, "busybox:latest", "true")
	r := e2etest.RunOK(t, "export", name)
	os.MkdirAll(rootfs, 0o755)
	if err := untar(r.Stdout, rootfs); err != nil {
		t.Fatal(err)
	}
	cfg := `{"description":"e2e plugin","documentation":"https://example.com","entrypoint":["/bin/sleep","1000"],` +
		`"interface":{"types":["docker.volumedriver/1.0"],"socket":"e2e.sock"},"env":[{"name":"DEBUG","settable":["value"],"value":"0"}],` +
		`"network":{"type":"host"}}`
	os.WriteFile(filepath.Join(dir, "config.json"), []byte(cfg), 0o644)
	return dir
}

func TestPluginLifecycle(t *testing.T) {
	name := e2etest.UniqueName(t, "fplug") + ":1"
	t.Cleanup(func() {
		// Not through t's context: it is done by cleanup time.
		if bin, err := e2etest.Binary(); err == nil {
			_ = exec.Command(bin, "plugin", "rm", "-f", name).Run()
		}
	})
	dir := pluginDir(t)
	if noPluginAPI(t, name, dir) {
		r := e2etest.Run(t, "plugin", "ls")
		if want := e2etest.DaemonError(t, http.MethodGet, "/plugins") + "\n"; r.Code != 1 || r.Stderr != want {
			t.Errorf("plugin ls without a plugin API: want %q; got %s", want, r)
		}
		return
	}
	r := e2etest.RunOK(t, "plugin", "create", name, dir)
	if r.Stdout != name+"\n" {
		t.Fatalf("create: %s", r)
	}
	r = e2etest.RunOK(t, "plugin", "ls", "--filter", "enabled=false", "--format", "{{.Name}} {{.Description}} {{.Enabled}}")
	if !strings.Contains(r.Stdout, name+" e2e plugin false\n") {
		t.Fatalf("ls: %s", r)
	}
	e2etest.RunOK(t, "plugin", "set", name, "DEBUG=1")
	r = e2etest.RunOK(t, "plugin", "inspect", "-f", "{{.Settings.Env}} {{.Enabled}}", name)
	if r.Stdout != "[DEBUG=1] false\n" {
		t.Fatalf("inspect: %s", r)
	}
	// The plugin never serves its socket: the engine refuses to enable it.
	r = e2etest.Run(t, "plugin", "enable", "--timeout", "5", name)
	if r.Code != 1 || !strings.HasPrefix(r.Stderr, "Error response from daemon: dial unix ") {
		t.Fatalf("enable: %s", r)
	}
	r = e2etest.Run(t, "plugin", "disable", name)
	if r.Code != 1 || r.Stderr != "Error response from daemon: plugin is already disabled: plugin "+name+" found but disabled\n" {
		t.Fatalf("disable: %s", r)
	}
	r = e2etest.Run(t, "plugin", "rm", name, "nope-"+name)
	if r.Code != 1 || r.Stdout != name+"\n" || r.Stderr != "Error response from daemon: plugin \"nope-"+name+"\" not found\n" {
		t.Fatalf("rm: %s", r)
	}
}

// untar unpacks an exported container's files (regular files, dirs, links).
func untar(data, dir string) error {
	tr := tar.NewReader(strings.NewReader(data))
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		p := filepath.Join(dir, h.Name)
		switch h.Typeflag {
		case tar.TypeDir:
			err = os.MkdirAll(p, 0o755)
		case tar.TypeSymlink:
			err = os.Symlink(h.Linkname, p)
		case tar.TypeLink:
			err = os.Link(filepath.Join(dir, h.Linkname), p)
		case tar.TypeReg:
			var f *os.File
			if f, err = os.OpenFile(p, os.O_CREATE|os.O_WRONLY, os.FileMode(h.Mode)); err == nil {
				_, err = io.Copy(f, tr)
				f.Close()
			}
		}
		if err != nil {
			return err
		}
	}
}

// noPluginAPI reports whether the engine has no plugin API (Podman); then
// it checks that plugin create gives the engine's answer as the error. The
// archiver may log, as the reference's does, the files it could not send
// once the engine had answered.
func noPluginAPI(t *testing.T, name, dir string) bool {
	t.Helper()
	if code, _ := e2etest.API(t, http.MethodGet, "/plugins", nil); code != http.StatusNotFound {
		return false
	}
	want := e2etest.DaemonError(t, http.MethodPost, "/plugins/create?name="+name) + "\n"
	r := e2etest.Run(t, "plugin", "create", name, dir)
	var rest []string
	for _, line := range strings.SplitAfter(r.Stderr, "\n") {
		if !strings.Contains(line, `level=error msg="Can't `) {
			rest = append(rest, line)
		}
	}
	if r.Code != 1 || strings.Join(rest, "") != want {
		t.Errorf("plugin create without a plugin API: want %q; got %s", want, r)
	}
	return true
}
