package config

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
)

// isolatePath keeps the default-credsStore rule from seeing the host's helpers.
func isolatePath(t *testing.T) {
	t.Helper()
	t.Setenv("PATH", t.TempDir())
}

func writeConfig(t *testing.T, dir, content string) string {
	t.Helper()
	p := filepath.Join(dir, FileName)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestDir(t *testing.T) {
	tests := []struct {
		name, flag, env, home, want string
	}{
		{"flag wins", "/f", "/e", "/h", "/f"},
		{"env next", "", "/e", "/h", "/e"},
		{"home last", "", "", "/h", "/h/.docker"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("DOCKER_CONFIG", tt.env)
			t.Setenv("HOME", tt.home)
			if got := Dir(tt.flag); got != tt.want {
				t.Errorf("Dir(%q) = %q, want %q", tt.flag, got, tt.want)
			}
		})
	}
}

func TestRoundTripKeepsUnknownFields(t *testing.T) {
	isolatePath(t)
	dir := t.TempDir()
	writeConfig(t, dir, `{"zz":{"b":[1,2]},"aa":"x","psformat":"old","HttpHeaders":{"User-Agent":"u","X":"y"},`+
		`"auths":{"h":{"auth":"dTpwAAA=","email":"e","serveraddress":"s","identitytoken":"t"},"g":{}},"currentContext":"c"}`)
	f, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if ac := f.AuthConfigs["h"]; ac.Username != "u" || ac.Password != "p" || ac.Auth != "" {
		t.Fatalf("auth not decoded: %+v", ac)
	}
	if f.PsFormat != "old" {
		t.Fatalf("case-insensitive key not decoded: %q", f.PsFormat)
	}
	f.AuthConfigs["127.0.0.1:5055"] = AuthConfig{Username: "tester", Password: "s3cret", ServerAddress: "127.0.0.1:5055"}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(dir, FileName))
	if err != nil {
		t.Fatal(err)
	}
	want := "{\n" +
		"\t\"auths\": {\n" +
		"\t\t\"127.0.0.1:5055\": {\n\t\t\t\"auth\": \"dGVzdGVyOnMzY3JldA==\"\n\t\t},\n" +
		"\t\t\"g\": {},\n" +
		"\t\t\"h\": {\n\t\t\t\"auth\": \"dTpw\",\n\t\t\t\"email\": \"e\",\n\t\t\t\"identitytoken\": \"t\"\n\t\t}\n" +
		"\t},\n" +
		"\t\"HttpHeaders\": {\n\t\t\"X\": \"y\"\n\t},\n" +
		"\t\"psFormat\": \"old\",\n" +
		"\t\"currentContext\": \"c\",\n" +
		"\t\"aa\": \"x\",\n" +
		"\t\"zz\": {\n\t\t\"b\": [\n\t\t\t1,\n\t\t\t2\n\t\t]\n\t}\n" +
		"}"
	if string(got) != want {
		t.Errorf("saved:\n%s\nwant:\n%s", got, want)
	}
	fi, err := os.Stat(filepath.Join(dir, FileName))
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("mode = %v, want 0600", fi.Mode().Perm())
	}
	// The in-memory User-Agent header is untouched; only the file drops it.
	if f.HTTPHeaders["User-Agent"] != "u" {
		t.Errorf("Save mutated HTTPHeaders")
	}
}

func TestEmptyConfigSave(t *testing.T) {
	isolatePath(t)
	dir := filepath.Join(t.TempDir(), "new", "cfg")
	f, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	f.CurrentContext = "hx-c"
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(filepath.Join(dir, FileName))
	if want := "{\n\t\"auths\": {},\n\t\"currentContext\": \"hx-c\"\n}"; string(got) != want {
		t.Errorf("got %q, want %q", got, want)
	}
	fi, err := os.Stat(dir)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o700 {
		t.Errorf("dir mode = %v, want 0700", fi.Mode().Perm())
	}
}

func TestLoadWarnings(t *testing.T) {
	isolatePath(t)
	// Texts observed from the reference CLI 28.2.2 for the same files.
	tests := []struct {
		content, want string
	}{
		{``, ""},
		{`null`, ""},
		{`{} junk`, ""},
		{`{`, "unexpected EOF"},
		{`{"x":1,}`, "invalid character '}' looking for beginning of object key string"},
		{`{"auths":{"h":{"auth":"dTpw"}},"psFormat":1,"x":}`, "invalid character '}' looking for beginning of value"},
		{`[]`, "json: cannot unmarshal array into Go value of type configfile.ConfigFile"},
		{`"str"`, "json: cannot unmarshal string into Go value of type configfile.ConfigFile"},
		{`{"auths": 3}`, "json: cannot unmarshal number into Go struct field ConfigFile.auths of type map[string]types.AuthConfig"},
		{`{"auths":{"h":1}}`, "json: cannot unmarshal number into Go struct field ConfigFile.auths of type types.AuthConfig"},
		{`{"auths":{"h":{"username":1}}}`, "json: cannot unmarshal number into Go struct field AuthConfig.auths.username of type string"},
		{`{"proxies":1}`, "json: cannot unmarshal number into Go struct field ConfigFile.proxies of type map[string]configfile.ProxyConfig"},
		{`{"proxies":{"default":{"httpProxy":1}}}`, "json: cannot unmarshal number into Go struct field ProxyConfig.proxies.httpProxy of type string"},
		{`{"HttpHeaders":{"a":1}}`, "json: cannot unmarshal number into Go struct field ConfigFile.HttpHeaders of type string"},
		{`{"plugins":{"a":1}}`, "json: cannot unmarshal number into Go struct field ConfigFile.plugins of type map[string]string"},
		{`{"experimental":true}`, "json: cannot unmarshal bool into Go struct field ConfigFile.experimental of type string"},
		{`{"psFormat":1}`, "json: cannot unmarshal number into Go struct field ConfigFile.psFormat of type string"},
		{`{"auths":{"h":{"auth":"!!"}}}`, "illegal base64 data at input byte 0"},
		{`{"auths":{"h":{"auth":"dGVzdGVy"}}}`, "Invalid auth configuration file"},
		{`{"auths":{"h":{"auth":"OnB3"}}}`, "Invalid auth configuration file"},
		{`{"auths":{"h":{"auth":"dTpwAAA="}}}`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.content, func(t *testing.T) {
			dir := t.TempDir()
			p := writeConfig(t, dir, tt.content)
			f, err := Load(dir)
			if f == nil {
				t.Fatal("nil File")
			}
			if tt.want == "" {
				if err != nil {
					t.Fatalf("unexpected error %v", err)
				}
				return
			}
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("err = %v, want *ParseError", err)
			}
			if want := fmt.Sprintf("Error parsing config file (%s): %s", p, tt.want); err.Error() != want {
				t.Errorf("got  %s\nwant %s", err, want)
			}
			// Loading never rewrites the broken file.
			if b, _ := os.ReadFile(p); string(b) != tt.content {
				t.Errorf("file changed to %q", b)
			}
		})
	}
}

func TestLoadDirectoryAsFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, FileName)
	if err := os.Mkdir(p, 0o700); err != nil {
		t.Fatal(err)
	}
	_, err := Load(dir)
	want := fmt.Sprintf("Error parsing config file (%s): read %s: is a directory", p, p)
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
}

func TestPartialDecodeKept(t *testing.T) {
	isolatePath(t)
	dir := t.TempDir()
	writeConfig(t, dir, `{"currentContext":"nope","psFormat":1,"auths":{"bad":{"auth":"!!"},"ok":{"auth":"dTpw"}}}`)
	f, err := Load(dir)
	if err == nil {
		t.Fatal("want error")
	}
	if f.CurrentContext != "nope" {
		t.Errorf("currentContext = %q, want kept", f.CurrentContext)
	}
	if f.AuthConfigs["ok"].Username != "u" {
		t.Errorf("good auth not decoded")
	}
	// A bad entry survives a save untouched.
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	g, _ := Load(dir)
	if g.AuthConfigs["bad"].Auth != "!!" {
		t.Errorf("bad auth entry = %+v, want kept", g.AuthConfigs["bad"])
	}
}

func TestSaveKeepsModeAndSymlink(t *testing.T) {
	isolatePath(t)
	dir := t.TempDir()
	real := filepath.Join(dir, "real.json")
	if err := os.WriteFile(real, []byte("{}"), 0o640); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("real.json", filepath.Join(dir, FileName)); err != nil {
		t.Fatal(err)
	}
	f, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	f.CurrentContext = "x"
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	li, err := os.Lstat(filepath.Join(dir, FileName))
	if err != nil || li.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("config.json is no longer a symlink: %v %v", li, err)
	}
	fi, err := os.Stat(real)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o640 {
		t.Errorf("mode = %v, want 0640", fi.Mode().Perm())
	}
	b, _ := os.ReadFile(real)
	if want := "{\n\t\"auths\": {},\n\t\"currentContext\": \"x\"\n}"; string(b) != want {
		t.Errorf("target = %q", b)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 3 { // config.json, real.json and the lock file
		t.Errorf("leftover temp files: %v", entries)
	}
}

func TestDefaultCredsStore(t *testing.T) {
	tests := []struct {
		name    string
		content string
		bins    []string
		want    string
	}{
		{"nothing on PATH", `{}`, nil, ""},
		{"secretservice", `{}`, []string{"docker-credential-secretservice"}, "secretservice"},
		{"pass preferred", `{}`, []string{"pass", "docker-credential-pass", "docker-credential-secretservice"}, "pass"},
		{"pass without its helper", `{}`, []string{"pass", "docker-credential-secretservice"}, ""},
		{"auths present", `{"auths":{"h":{}}}`, []string{"docker-credential-secretservice"}, ""},
		{"explicit store kept", `{"credsStore":"zz"}`, []string{"docker-credential-secretservice"}, "zz"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bin := t.TempDir()
			for _, b := range tt.bins {
				if err := os.WriteFile(filepath.Join(bin, b), []byte("#!/bin/sh\n"), 0o755); err != nil {
					t.Fatal(err)
				}
			}
			t.Setenv("PATH", bin)
			dir := t.TempDir()
			writeConfig(t, dir, tt.content)
			f, err := Load(dir)
			if err != nil {
				t.Fatal(err)
			}
			if got := f.CredsStore(); got != tt.want {
				t.Errorf("credsStore = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestConcurrentSaves has many goroutines rewrite the file while others
// read it: every read must parse.
func TestConcurrentSaves(t *testing.T) {
	isolatePath(t)
	dir := t.TempDir()
	var wg sync.WaitGroup
	errs := make(chan error, 100)
	for i := range 20 {
		wg.Add(2)
		go func() {
			defer wg.Done()
			f := New(dir)
			f.Extra = map[string]json.RawMessage{"writer": json.RawMessage(strconv.Itoa(i))}
			f.PsFormat = fmt.Sprintf("%0*d", 2000, i) // large enough to tear if not atomic
			if err := f.Save(); err != nil {
				errs <- err
			}
		}()
		go func() {
			defer wg.Done()
			if _, err := Load(dir); err != nil {
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if _, err := Load(dir); err != nil {
		t.Error(err)
	}
}

// TestConcurrentProcesses runs two copies of the test binary that save
// the same config in a loop.
func TestConcurrentProcesses(t *testing.T) {
	if dir := os.Getenv("HX_CONFIG_WRITER_DIR"); dir != "" {
		for i := range 200 {
			f, _ := Load(dir) // a torn file would surface as an error below
			f.PsFormat = fmt.Sprintf("%s-%d-%0*d", os.Getenv("HX_CONFIG_WRITER_ID"), i, 1000, i)
			if err := f.Save(); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
		}
		return
	}
	isolatePath(t)
	dir := t.TempDir()
	writeConfig(t, dir, `{"keep":true}`)
	var cmds []*exec.Cmd
	for id := range 2 {
		cmd := exec.Command(os.Args[0], "-test.run=^TestConcurrentProcesses$")
		cmd.Env = append(os.Environ(), "HX_CONFIG_WRITER_DIR="+dir, "HX_CONFIG_WRITER_ID="+strconv.Itoa(id))
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds = append(cmds, cmd)
	}
	stop := make(chan struct{})
	readErr := make(chan error, 1)
	go func() {
		defer close(readErr)
		for {
			select {
			case <-stop:
				return
			default:
			}
			if _, err := Load(dir); err != nil {
				readErr <- err
				return
			}
		}
	}()
	for _, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Errorf("writer: %v", err)
		}
	}
	close(stop)
	if err := <-readErr; err != nil {
		t.Errorf("reader saw a broken file: %v", err)
	}
	f, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if string(f.Extra["keep"]) != "true" {
		t.Errorf("unknown field lost: %v", f.Extra)
	}
}

// An unopenable config.json is a load error, an unreadable one a parse
// error; both read like the reference's.
func TestLoadErrorWording(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := Load(file)
	if want := "Error loading config file: open " + file + "/config.json: not a directory"; err == nil || err.Error() != want {
		t.Errorf("Load(file) = %v, want %s", err, want)
	}
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, FileName), 0o700); err != nil {
		t.Fatal(err)
	}
	_, err = Load(dir)
	if want := "Error parsing config file (" + dir + "/config.json): read " + dir + "/config.json: is a directory"; err == nil || err.Error() != want {
		t.Errorf("Load(dir) = %v, want %s", err, want)
	}
}
