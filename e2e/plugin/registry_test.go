//go:build e2e

package plugin

import (
	"crypto/rand"
	"encoding/hex"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dockerclone/docker/e2e/e2etest"
)

// servingPluginDir lays out a plugin whose rootfs is one static binary that
// serves the plugin socket, so that the engine can enable it. Each call
// gets a unique file in the rootfs: the engine refuses a layer it holds.
func servingPluginDir(t *testing.T) string {
	dir := t.TempDir()
	rootfs := filepath.Join(dir, "rootfs")
	build := exec.Command("go", "build", "-o", filepath.Join(rootfs, "plugsrv"), "./testdata/plugsrv")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the plugin: %v\n%s", err, out)
	}
	stamp := make([]byte, 8)
	_, _ = rand.Read(stamp)
	os.WriteFile(filepath.Join(rootfs, "stamp"), []byte(hex.EncodeToString(stamp)), 0o644)
	cfg := `{"description":"f2 e2e plugin","documentation":"https://example.com","entrypoint":["/plugsrv"],` +
		`"interface":{"types":["docker.volumedriver/1.0"],"socket":"e2e.sock"},"env":[{"name":"DEBUG","settable":["value"],"value":"0"}],` +
		`"network":{"type":"host"},"linux":{"capabilities":["CAP_SYS_ADMIN"]}}`
	os.WriteFile(filepath.Join(dir, "config.json"), []byte(cfg), 0o644)
	return dir
}

// removePlugins forces names out when the test ends.
func removePlugins(t *testing.T, names ...string) {
	t.Cleanup(func() {
		if bin, err := e2etest.Binary(); err == nil {
			_ = exec.Command(bin, append([]string{"plugin", "rm", "-f"}, names...)...).Run()
		}
	})
}

// TestPluginPushInstallUpgrade sends a plugin to the local registry, takes
// it back with install (prompt, alias, settings, enable) and upgrades it.
func TestPluginPushInstallUpgrade(t *testing.T) {
	addr, user, pass := e2etest.Registry(t)
	repo := addr + "/" + e2etest.UniqueName(t, "f2plug")
	alias := e2etest.UniqueName(t, "f2al") + ":v1"
	removePlugins(t, repo+":1", repo+":2", alias)
	e2etest.RunStdin(t, pass, "login", "-u", user, "--password-stdin", addr)

	dir := servingPluginDir(t)
	if noPluginAPI(t, repo+":1", dir) {
		return
	}
	for _, tag := range []string{"1", "2"} {
		if tag == "2" {
			dir = servingPluginDir(t)
		}
		e2etest.RunOK(t, "plugin", "create", repo+":"+tag, dir)
		r := e2etest.RunOK(t, "plugin", "push", repo+":"+tag)
		if !strings.HasPrefix(r.Stdout, "The push refers to repository ["+repo+"]\n") || !strings.Contains(r.Stdout, ": Upload complete\n") {
			t.Fatalf("push: %s", r)
		}
		e2etest.RunOK(t, "plugin", "rm", repo+":"+tag)
	}

	prompt := "Plugin \"" + repo + ":1\" is requesting the following privileges:\n" +
		" - network: [host]\n - capabilities: [CAP_SYS_ADMIN]\nDo you grant the above permissions? [y/N] "
	r := e2etest.RunStdin(t, "n\n", "plugin", "install", repo+":1")
	if r.Code != 1 || r.Stdout != prompt || r.Stderr != "permission denied while installing plugin "+repo+":1\n" {
		t.Fatalf("declined: %s", r)
	}
	r = e2etest.RunStdin(t, "y\n", "plugin", "install", "--alias", alias, repo+":1", "DEBUG=1")
	if r.Code != 0 || !strings.HasPrefix(r.Stdout, prompt+"1: Pulling from "+repo+"\n") ||
		!strings.HasSuffix(r.Stdout, "Installed plugin "+repo+":1\n") {
		t.Fatalf("install: %s", r)
	}
	r = e2etest.RunOK(t, "plugin", "inspect", "-f", "{{.Name}} {{.Enabled}} {{.Settings.Env}} {{.PluginReference}}", alias)
	if r.Stdout != alias+" true [DEBUG=1] "+repo+":1\n" {
		t.Fatalf("inspect: %s", r)
	}

	r = e2etest.Run(t, "plugin", "upgrade", "--grant-all-permissions", alias, repo+":2")
	if r.Code != 1 || r.Stderr != "the plugin must be disabled before upgrading\n" {
		t.Fatalf("upgrade enabled: %s", r)
	}
	e2etest.RunOK(t, "plugin", "disable", alias)
	r = e2etest.Run(t, "plugin", "upgrade", "--grant-all-permissions", alias, repo+":2")
	head := "Upgrading plugin " + alias + " from " + repo + ":1 to " + repo + ":2\n"
	if r.Code != 0 || r.Stdout != head+"Plugin images do not match, are you sure? [y/N] " {
		t.Fatalf("upgrade declined: %s", r)
	}
	r = e2etest.RunStdin(t, "y\n", "plugin", "upgrade", "--grant-all-permissions", alias, repo+":2")
	if r.Code != 0 || !strings.HasSuffix(r.Stdout, "Upgraded plugin "+alias+" to "+repo+":2\n") {
		t.Fatalf("upgrade: %s", r)
	}
	r = e2etest.RunOK(t, "plugin", "inspect", "-f", "{{.PluginReference}} {{.Settings.Env}}", alias)
	if r.Stdout != repo+":2 [DEBUG=1]\n" {
		t.Fatalf("after upgrade: %s", r)
	}

	// Without an alias the engine names the plugin after the remote; left
	// disabled, with a setting the plugin does not have.
	r = e2etest.Run(t, "plugin", "install", "--grant-all-permissions", "--disable", repo+":1", "NOPE=1")
	if r.Code != 1 || r.Stderr != "Error response from daemon: setting \"NOPE\" not found in the plugin configuration\n" {
		t.Fatalf("install with a bad setting: %s", r)
	}
	r = e2etest.RunOK(t, "plugin", "ls", "--format", "{{.Name}} {{.Enabled}}", "--filter", "enabled=false")
	if !strings.Contains(r.Stdout, repo+":1 false\n") {
		t.Fatalf("ls: %s", r)
	}
}
