//go:build e2e

package registry

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// noHelpersPath is a PATH with no docker-credential-* program, so an empty
// config.json keeps credentials in the file whatever the machine has
// installed (the CLI would otherwise default to "pass" or "secretservice").
func noHelpersPath(t *testing.T) string {
	return "PATH=" + t.TempDir()
}

// testHelperEnv builds credentials/testhelper as docker-credential-hxtest
// into a directory of the test's and returns the environment that puts it
// (alone) on PATH with its store file, plus that file.
func testHelperEnv(t *testing.T) (env []string, store string) {
	t.Helper()
	dir := t.TempDir()
	out, err := exec.Command("go", "build", "-o", filepath.Join(dir, "docker-credential-hxtest"),
		"github.com/dockerclone/docker/credentials/testhelper").CombinedOutput()
	if err != nil {
		t.Fatalf("building the test credential helper: %v\n%s", err, out)
	}
	store = filepath.Join(t.TempDir(), "helper.json")
	return []string{"PATH=" + dir, "HX_CRED_STORE=" + store}, store
}

var (
	passOnce sync.Once
	passBin  string // directory holding pass and docker-credential-pass
	passErr  error
)

// passBinDir finds Debian's docker-credential-pass and pass. When they are
// not on PATH, the packages are fetched with apt-get and unpacked into a
// private directory rather than installed: an installed pass plus helper
// would become the default credential store of every docker client on the
// machine with an empty config (the reference's too), changing other tests.
func passBinDir() (string, error) {
	passOnce.Do(func() {
		helper, err1 := exec.LookPath("docker-credential-pass")
		_, err2 := exec.LookPath("pass")
		if err1 == nil && err2 == nil {
			passBin = filepath.Dir(helper)
			return
		}
		root := filepath.Join(os.TempDir(), "hx-e2e-credpass")
		bin := filepath.Join(root, "usr", "bin")
		if fileExists(filepath.Join(bin, "docker-credential-pass")) && fileExists(filepath.Join(bin, "pass")) {
			passBin = bin
			return
		}
		if _, err := exec.LookPath("gpg"); err != nil {
			passErr = fmt.Errorf("gpg is required by pass: %w (apt-get install gnupg)", err)
			return
		}
		dl, err := os.MkdirTemp("", "hx-e2e-debs")
		if err != nil {
			passErr = err
			return
		}
		defer os.RemoveAll(dl)
		get := exec.Command("apt-get", "download", "golang-docker-credential-helpers", "pass")
		get.Dir = dl
		if out, err := get.CombinedOutput(); err != nil {
			passErr = fmt.Errorf("apt-get download golang-docker-credential-helpers pass: %v\n%s", err, out)
			return
		}
		debs, _ := filepath.Glob(filepath.Join(dl, "*.deb"))
		for _, deb := range debs {
			if out, err := exec.Command("dpkg", "-x", deb, root).CombinedOutput(); err != nil {
				passErr = fmt.Errorf("dpkg -x %s: %v\n%s", deb, err, out)
				return
			}
		}
		if !fileExists(filepath.Join(bin, "docker-credential-pass")) || !fileExists(filepath.Join(bin, "pass")) {
			passErr = fmt.Errorf("unpacked %v into %s but found no pass/docker-credential-pass", debs, root)
			return
		}
		passBin = bin
	})
	return passBin, passErr
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// passEnv prepares an initialized password store with a fresh GPG key
// without passphrase, private to the test, and returns the environment
// that makes docker-credential-pass use it, plus the store directory.
func passEnv(t *testing.T) (env []string, storeDir string) {
	t.Helper()
	bin, err := passBinDir()
	if err != nil {
		t.Fatalf("docker-credential-pass is needed (Debian packages golang-docker-credential-helpers and pass) and could not be provided: %v", err)
	}
	// gpg-agent's socket lives in GNUPGHOME: keep the path short.
	gnupg, err := os.MkdirTemp("/tmp", "hxgpg")
	if err != nil {
		t.Fatal(err)
	}
	storeDir = filepath.Join(t.TempDir(), "password-store")
	env = []string{
		"PATH=" + bin + string(os.PathListSeparator) + "/usr/bin:/bin",
		"GNUPGHOME=" + gnupg,
		"PASSWORD_STORE_DIR=" + storeDir,
	}
	t.Cleanup(func() {
		kill := exec.Command("gpgconf", "--kill", "gpg-agent")
		kill.Env = append(os.Environ(), env...)
		_ = kill.Run()
		os.RemoveAll(gnupg)
	})
	const id = "hx-e2e@example.invalid"
	for _, args := range [][]string{
		{"gpg", "--batch", "--pinentry-mode", "loopback", "--passphrase", "", "--quick-gen-key", "hx e2e <" + id + ">", "future-default", "default", "never"},
		{filepath.Join(bin, "pass"), "init", id},
	} {
		cmd := exec.Command(args[0], args[1:]...)
		cmd.Env = append(os.Environ(), env...)
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Run(); err != nil {
			t.Fatalf("%s: %v\n%s", strings.Join(args, " "), err, out.String())
		}
	}
	return env, storeDir
}
