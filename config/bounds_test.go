package config

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dockerclone/docker/cli/clitest/deadline"
)

// A config.json that never ends is read with a bound: the reference's
// warning for /dev/zero, a warning of our own for a runaway file.
func TestConfigReadIsBounded(t *testing.T) {
	isolatePath(t)
	huge := bytes.Repeat([]byte(" "), maxFileSize+1)
	cases := []struct {
		name    string
		setup   func(path string) error
		wantErr string
		auths   int
	}{
		{"link to /dev/zero", func(p string) error { return os.Symlink("/dev/zero", p) },
			`Error parsing config file (PATH): invalid character '\x00' looking for beginning of value`, 0},
		{"runaway whitespace", func(p string) error { return os.WriteFile(p, huge, 0o600) },
			"Error parsing config file (PATH): file is larger than 16 MiB", 0},
		{"value then runaway whitespace", func(p string) error {
			return os.WriteFile(p, append([]byte(`{"auths":{"h":{}}}`), huge...), 0o600)
		}, "", 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, FileName)
			if err := tc.setup(path); err != nil {
				t.Fatal(err)
			}
			deadline.Within(t, 10*time.Second, func() {
				f, err := Load(dir)
				want := strings.ReplaceAll(tc.wantErr, "PATH", path)
				if (err == nil) != (want == "") || err != nil && err.Error() != want {
					t.Errorf("got %v, want %q", err, want)
				}
				if len(f.AuthConfigs) != tc.auths {
					t.Errorf("auths %v", f.AuthConfigs)
				}
			})
		})
	}
}

func TestContextReadIsBounded(t *testing.T) {
	dir := t.TempDir()
	s := NewContextStore(dir)
	if err := s.Create(Context{Name: "zero", Docker: &DockerEndpoint{Host: "unix:///x.sock"}}); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveTLS("zero", "docker", &TLSData{CA: []byte("ca")}); err != nil {
		t.Fatal(err)
	}
	meta := filepath.Join(s.MetaDir("zero"), "meta.json")
	ca := filepath.Join(s.TLSDir("zero"), "docker", "ca.pem")
	for _, p := range []string{meta, ca} {
		if err := os.Remove(p); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink("/dev/zero", p); err != nil {
			t.Fatal(err)
		}
	}
	deadline.Within(t, 10*time.Second, func() {
		want := fmt.Sprintf("context %q: read %s: file is larger than 16 MiB", "zero", meta)
		if _, err := s.Get("zero"); err == nil || err.Error() != want {
			t.Errorf("get: %v", err)
		}
		if _, err := s.List(); err == nil || !strings.Contains(err.Error(), "file is larger than 16 MiB") {
			t.Errorf("list: %v", err)
		}
		if _, err := s.ReadTLS("zero", "docker"); err == nil || !strings.Contains(err.Error(), "file is larger than 16 MiB") {
			t.Errorf("tls: %v", err)
		}
	})
}

// Writers that run at once (parallel logins in separate processes, here
// separate opens of the lock file) each start from what the others saved.
func TestUpdateLosesNothing(t *testing.T) {
	isolatePath(t)
	dir := t.TempDir()
	path := writeConfig(t, dir, `{"auths":{},"someoneElse":{"keep":true}}`)
	if err := os.Chmod(path, 0o640); err != nil {
		t.Fatal(err)
	}
	const writers = 50
	var wg sync.WaitGroup
	for i := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f, _ := Load(dir)
			err := f.Update(func(f *File) error {
				f.AuthConfigs[fmt.Sprintf("registry-%d:5000", i)] = AuthConfig{Username: "u", Password: "p"}
				return nil
			})
			if err != nil {
				t.Error(err)
			}
			if _, ok := f.AuthConfigs[fmt.Sprintf("registry-%d:5000", i)]; !ok {
				t.Error("f does not hold what was saved")
			}
		}()
	}
	wg.Wait()
	f, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.AuthConfigs) != writers {
		t.Errorf("%d entries of %d", len(f.AuthConfigs), writers)
	}
	var kept bytes.Buffer
	_ = json.Compact(&kept, f.Extra["someoneElse"])
	if kept.String() != `{"keep":true}` {
		t.Errorf("unknown key lost: %v", f.Extra)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o640 {
		t.Errorf("mode %v", fi.Mode().Perm())
	}
}
