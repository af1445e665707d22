//go:build e2e

package registry

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dockerclone/docker/e2e/e2etest"
)

// pullOK pulls the registry's private image, which needs credentials.
// The image is not removed afterwards: a pull asks the registry for the
// manifest (and so needs credentials) whether the image is present or not,
// and removing it would race with the image package's tests of the same
// reference.
func pullOK(t *testing.T, env []string) {
	t.Helper()
	ref := e2etest.RegistryImage(t)
	r := e2etest.RunEnv(t, env, "pull", "-q", ref)
	if r.Code != 0 || r.Stdout != ref+"\n" {
		t.Fatalf("pull with stored credentials: %s", r)
	}
}

func pullDenied(t *testing.T, env []string) {
	t.Helper()
	r := e2etest.RunEnv(t, env, "pull", "-q", e2etest.RegistryImage(t))
	if r.Code != 1 || r.Stderr != deniedPull(t)+"\n" {
		t.Fatalf("pull without credentials: %s", r)
	}
}

// deniedPull is the engine's refusal of the fixture's pull without
// credentials (Docker: "no basic auth credentials", Podman: "unauthorized").
func deniedPull(t *testing.T) string {
	t.Helper()
	repo := strings.TrimSuffix(e2etest.RegistryImage(t), ":latest")
	return e2etest.StreamError(t, "/images/create?fromImage="+repo+"&tag=latest", false)
}

func TestStoreKinds(t *testing.T) {
	addr, user, pass := e2etest.Registry(t)
	type kind struct {
		name   string
		setup  func(t *testing.T) (env []string, config string)
		stored func(t *testing.T) // checks the secret is where it belongs
		gone   func(t *testing.T) // checks it is gone after logout
	}
	var helperStore, passDir string
	kinds := []kind{
		{
			name:  "file",
			setup: func(t *testing.T) ([]string, string) { return []string{noHelpersPath(t)}, "" },
			stored: func(t *testing.T) {
				if got := readConfig(t); got != fileEntry(addr, user, pass) {
					t.Errorf("config.json:\n%s", got)
				}
			},
			gone: func(t *testing.T) {
				if got := readConfig(t); got != "{\n\t\"auths\": {}\n}" {
					t.Errorf("config.json after logout:\n%s", got)
				}
			},
		},
		{
			name: "credsStore",
			setup: func(t *testing.T) ([]string, string) {
				env, store := testHelperEnv(t)
				helperStore = store
				return env, `{"credsStore":"hxtest"}`
			},
			stored: func(t *testing.T) { checkHelper(t, helperStore, addr, user, pass, true) },
			gone:   func(t *testing.T) { checkHelper(t, helperStore, addr, user, pass, false) },
		},
		{
			name: "credHelpers",
			setup: func(t *testing.T) ([]string, string) {
				env, store := testHelperEnv(t)
				helperStore = store
				return env, `{"credHelpers":{"` + addr + `":"hxtest"}}`
			},
			stored: func(t *testing.T) { checkHelper(t, helperStore, addr, user, pass, true) },
			gone:   func(t *testing.T) { checkHelper(t, helperStore, addr, user, pass, false) },
		},
		{
			// An empty config with pass and its helper on PATH: pass becomes
			// the store, and is recorded in config.json, as the reference does.
			name: "pass",
			setup: func(t *testing.T) ([]string, string) {
				env, dir := passEnv(t)
				passDir = dir
				return env, ""
			},
			stored: func(t *testing.T) {
				cfg := decodeJSON(t, readConfig(t))
				if cfg["credsStore"] != "pass" || strings.Contains(readConfig(t), pass) {
					t.Errorf("config.json:\n%s", readConfig(t))
				}
				if n := countFiles(t, passDir); n != 1 {
					t.Errorf("%d entries in the password store, want 1", n)
				}
			},
			gone: func(t *testing.T) {
				if n := countFiles(t, passDir); n != 0 {
					t.Errorf("%d entries left in the password store", n)
				}
			},
		},
	}
	for _, k := range kinds {
		t.Run(k.name, func(t *testing.T) {
			env, config := k.setup(t)
			if config != "" {
				writeConfig(t, config)
			}
			pullDenied(t, env)

			r := e2etest.RunWith(t, e2etest.Options{Env: env, Stdin: strings.NewReader(pass + "\n")},
				"login", "-u", user, "--password-stdin", addr)
			wantErr := ""
			if k.name == "file" {
				wantErr = unencryptedWarning(t)
			}
			if r.Code != 0 || r.Stdout != "Login Succeeded\n" || r.Stderr != wantErr {
				t.Fatalf("login: %s", r)
			}
			k.stored(t)
			if k.name != "file" && strings.Contains(readConfig(t), pass) {
				t.Errorf("secret in config.json:\n%s", readConfig(t))
			}
			pullOK(t, env)

			// Stored credentials are reused without prompting.
			r = e2etest.RunEnv(t, env, "login", addr)
			if r.Code != 0 || r.Stdout != "Login Succeeded\n" || !strings.HasPrefix(r.Stderr, "Authenticating with existing credentials... [Username: "+user+"]\n") {
				t.Errorf("login with stored credentials: %s", r)
			}

			r = e2etest.RunEnv(t, env, "logout", addr)
			if r.Code != 0 || r.Stdout != "Removing login credentials for "+addr+"\n" || r.Stderr != "" {
				t.Fatalf("logout: %s", r)
			}
			k.gone(t)
			pullDenied(t, env)
		})
	}
}

func checkHelper(t *testing.T, store, addr, user, pass string, want bool) {
	t.Helper()
	b, err := os.ReadFile(store)
	if err != nil {
		t.Fatalf("helper store: %v", err)
	}
	has := strings.Contains(string(b), `"`+addr+`":{"Username":"`+user+`","Secret":"`+pass+`"}`)
	if has != want {
		t.Errorf("helper store holds %s, want credentials: %v", b, want)
	}
	cfg := readConfig(t)
	if want && !strings.Contains(cfg, "\t\t\""+addr+"\": {}\n") {
		t.Errorf("config.json does not record the server:\n%s", cfg)
	}
	if !want && strings.Contains(cfg, addr+"\": {") {
		t.Errorf("config.json still records the server:\n%s", cfg)
	}
}

// countFiles counts the .gpg entries under the password store.
func countFiles(t *testing.T, dir string) int {
	t.Helper()
	n := 0
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".gpg") {
			n++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

const referenceBinary = "/usr/local/bin/docker"

// runReference runs the reference CLI with the test's config directory.
func runReference(t *testing.T, env []string, stdin string, args ...string) e2etest.Result {
	t.Helper()
	cmd := exec.Command(referenceBinary, args...)
	cmd.Env = append(os.Environ(), "DOCKER_CONFIG="+e2etest.ConfigDir(t))
	cmd.Env = append(cmd.Env, env...)
	cmd.Stdin = strings.NewReader(stdin)
	var out, errOut strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	r := e2etest.Result{Stdout: out.String(), Stderr: errOut.String()}
	if ee, ok := err.(*exec.ExitError); ok {
		r.Code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("reference docker: %v", err)
	}
	return r
}

// Credentials written by one CLI are read by the other, for the file
// store and for a credential helper. Skipped only when the reference CLI
// is not installed on this machine.
func TestSwitchingBinaries(t *testing.T) {
	if _, err := os.Stat(referenceBinary); err != nil {
		t.Skipf("reference docker CLI not installed at %s", referenceBinary)
	}
	addr, user, pass := e2etest.Registry(t)
	ref := e2etest.RegistryImage(t)
	stores := []struct {
		name  string
		setup func(t *testing.T) []string
	}{
		{"file", func(t *testing.T) []string { return []string{noHelpersPath(t)} }},
		{"helper", func(t *testing.T) []string {
			env, _ := testHelperEnv(t)
			writeConfig(t, `{"credsStore":"hxtest"}`)
			return env
		}},
	}
	for _, s := range stores {
		t.Run(s.name+"/reference login, our pull", func(t *testing.T) {
			env := s.setup(t)
			if r := runReference(t, env, pass+"\n", "login", "-u", user, "--password-stdin", addr); r.Code != 0 {
				t.Fatalf("reference login: %s", r)
			}
			pullOK(t, env)
			// Our logout, then the reference has nothing left.
			e2etest.RunEnv(t, env, "logout", addr)
			if r := runReference(t, env, "", "pull", "-q", ref); r.Code == 0 || r.Stderr != deniedPull(t)+"\n" {
				t.Errorf("reference pull after our logout: %s", r)
			}
		})
		t.Run(s.name+"/our login, reference pull", func(t *testing.T) {
			env := s.setup(t)
			r := e2etest.RunWith(t, e2etest.Options{Env: env, Stdin: strings.NewReader(pass + "\n")},
				"login", "-u", user, "--password-stdin", addr)
			if r.Code != 0 {
				t.Fatalf("login: %s", r)
			}
			if r := runReference(t, env, "", "pull", "-q", ref); r.Code != 0 || r.Stdout != ref+"\n" {
				t.Errorf("reference pull: %s", r)
			}
			// The reference logs out what we stored.
			runReference(t, env, "", "logout", addr)
			pullDenied(t, env)
		})
	}
}
