//go:build e2e

// Package cliplugin holds end-to-end tests of CLI plugins: the protocol with
// test plugins of our own, and the real compose and buildx plugins built by
// scripts/plugins.sh.
package cliplugin

import (
	"encoding/json"
	"fmt"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/dockerclone/docker/e2e/e2etest"
)

// envWaiter makes this test binary act as a plugin (see waiter).
const envWaiter = "E2E_TEST_PLUGIN_WAITER"

func TestMain(m *testing.M) {
	if mode := os.Getenv(envWaiter); mode != "" {
		os.Exit(waiter())
	}
	e2etest.Main(m)
}

// waiter is a plugin that waits for the CLI-exited notification (EOF on the
// plugin socket) or SIGINT, whichever comes first, and says which.
func waiter() int {
	if len(os.Args) > 1 && os.Args[1] == "docker-cli-plugin-metadata" {
		json.NewEncoder(os.Stdout).Encode(map[string]string{
			"SchemaVersion": "0.1.0", "Vendor": "e2e", "Version": "0.0.1", "ShortDescription": "Waits for the CLI"})
		return 0
	}
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGINT)
	conn, err := net.Dial("unix", os.Getenv("DOCKER_CLI_PLUGIN_SOCKET"))
	if err != nil {
		fmt.Println("dial:", err)
		return 2
	}
	eof := make(chan struct{})
	go func() {
		conn.Read(make([]byte, 1))
		close(eof)
	}()
	fmt.Println("waiting")
	select {
	case <-eof:
		fmt.Println("cli exited")
		return 0
	case <-sigs:
		fmt.Println("interrupted")
		return 130
	case <-time.After(20 * time.Second):
		fmt.Println("timed out")
		return 3
	}
}

// pluginDir is the test's config dir's cli-plugins directory.
func pluginDir(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(e2etest.ConfigDir(t), "cli-plugins")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// script installs a shell plugin.
func script(t *testing.T, name, body string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(pluginDir(t), "docker-"+name), []byte("#!/bin/sh\n"+body+"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
}

// install links a real plugin built by scripts/plugins.sh (its path in env).
func install(t *testing.T, name, env string) {
	t.Helper()
	path := os.Getenv(env)
	if path == "" {
		t.Fatalf("%s is not set: run make engine (scripts/plugins.sh builds the plugin)", env)
	}
	if err := os.Symlink(path, filepath.Join(pluginDir(t), "docker-"+name)); err != nil {
		t.Fatal(err)
	}
}

// cacheEnv keeps the plugin metadata cache inside the test.
func cacheEnv(t *testing.T) []string {
	return []string{"XDG_CACHE_HOME=" + t.TempDir()}
}
