package credentials

import (
	"encoding/base64"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/dockerclone/docker/config"
)

func loadConfig(t *testing.T, content string) (*config.File, string) {
	t.Helper()
	dir := t.TempDir()
	if content != "" {
		if err := os.WriteFile(filepath.Join(dir, config.FileName), []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	f, err := config.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	return f, filepath.Join(dir, config.FileName)
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestKey(t *testing.T) {
	tests := map[string]string{
		"":                             IndexServer,
		"docker.io":                    IndexServer,
		"index.docker.io":              IndexServer,
		"registry-1.docker.io":         IndexServer,
		"https://index.docker.io/v1/":  IndexServer,
		"https://registry-1.docker.io": IndexServer,
		"127.0.0.1:5055":               "127.0.0.1:5055",
		"http://127.0.0.1:5055":        "127.0.0.1:5055",
		"https://127.0.0.1:5055/v2/":   "127.0.0.1:5055",
		"myregistry.example.com/path":  "myregistry.example.com",
		"ghcr.io":                      "ghcr.io",
	}
	for in, want := range tests {
		if got := Key(in); got != want {
			t.Errorf("Key(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFileStoreGet(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	u := base64.StdEncoding.EncodeToString
	f, _ := loadConfig(t, `{"auths":{`+
		`"https://index.docker.io/v1/":{"auth":"`+u([]byte("hub:pw"))+`"},`+
		`"https://legacy.example.com/v1/":{"auth":"`+u([]byte("leg:pw"))+`"},`+
		`"127.0.0.1:5055":{"auth":"`+u([]byte("tester:s3cret"))+`","email":"e@x"},`+
		`"http://127.0.0.1:5055":{"auth":"`+u([]byte("old:old"))+`"}}}`)
	s := NewFileStore(f)
	tests := []struct {
		server, user, addr string
	}{
		{"docker.io", "hub", IndexServer},
		{IndexServer, "hub", IndexServer},
		{"registry-1.docker.io", "hub", IndexServer},
		{"127.0.0.1:5055", "tester", "127.0.0.1:5055"},
		{"https://127.0.0.1:5055/v2/", "tester", "127.0.0.1:5055"},
		{"http://127.0.0.1:5055", "old", "http://127.0.0.1:5055"}, // exact key first
		{"legacy.example.com", "leg", "https://legacy.example.com/v1/"},
		{"other:5000", "", ""},
	}
	for _, tt := range tests {
		got, err := s.Get(tt.server)
		if err != nil {
			t.Fatal(err)
		}
		if got.Username != tt.user || got.ServerAddress != tt.addr {
			t.Errorf("Get(%q) = user %q addr %q, want %q %q", tt.server, got.Username, got.ServerAddress, tt.user, tt.addr)
		}
	}
	all, _ := s.GetAll()
	if len(all) != 4 || all["127.0.0.1:5055"].Email != "e@x" {
		t.Errorf("GetAll = %+v", all)
	}
}

func TestFileStoreStoreAndErase(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	f, path := loadConfig(t, `{"keep":1,"auths":{"https://127.0.0.1:5055/v1/":{"auth":"dTpw"}}}`)
	s := For(f, "127.0.0.1:5055")
	if err := s.Store(AuthConfig{Username: "tester", Password: "s3cret", ServerAddress: "http://127.0.0.1:5055"}); err != nil {
		t.Fatal(err)
	}
	// Same bytes as the reference's `docker login` (plus the kept key).
	want := "{\n\t\"auths\": {\n" +
		"\t\t\"127.0.0.1:5055\": {\n\t\t\t\"auth\": \"dGVzdGVyOnMzY3JldA==\"\n\t\t},\n" +
		"\t\t\"https://127.0.0.1:5055/v1/\": {\n\t\t\t\"auth\": \"dTpw\"\n\t\t}\n" +
		"\t},\n\t\"keep\": 1\n}"
	if got := readFile(t, path); got != want {
		t.Errorf("after store:\n%s", got)
	}
	if err := s.Erase("127.0.0.1:5055"); err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, path); got != "{\n\t\"auths\": {},\n\t\"keep\": 1\n}" {
		t.Errorf("after erase:\n%s", got)
	}
	// Erasing nothing leaves the file alone.
	os.WriteFile(path, []byte(`{}`), 0o600)
	if err := s.Erase("127.0.0.1:5055"); err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, path); got != `{}` {
		t.Errorf("erase of nothing rewrote the file: %q", got)
	}
}

func TestEncodeAuth(t *testing.T) {
	tests := []struct {
		auth AuthConfig
		json string
	}{
		{AuthConfig{}, `{}`},
		{AuthConfig{Username: "tester", Password: "s3cret", ServerAddress: "127.0.0.1:5055"},
			`{"username":"tester","password":"s3cret","serveraddress":"127.0.0.1:5055"}`},
		{AuthConfig{IdentityToken: "tok", ServerAddress: IndexServer},
			`{"serveraddress":"https://index.docker.io/v1/","identitytoken":"tok"}`},
	}
	for _, tt := range tests {
		got := EncodeAuth(tt.auth)
		if want := base64.URLEncoding.EncodeToString([]byte(tt.json)); got != want {
			t.Errorf("EncodeAuth(%+v) = %s, want %s", tt.auth, got, want)
		}
	}
	if got := EncodeAuth(AuthConfig{}); got != "e30=" {
		t.Errorf("empty = %s", got)
	}
	// URL alphabet: '?' '>' encode to '_' '-' rather than '/' '+'.
	if got := EncodeAuth(AuthConfig{Password: "??>>"}); strings.ContainsAny(got, "+/") {
		t.Errorf("not URL alphabet: %s", got)
	}
}

var (
	buildOnce   sync.Once
	helperDir   string
	helperBuild error
)

// helperOnPath builds testhelper as docker-credential-hxtest, puts only its
// directory on PATH for this test and returns the helper's store file.
func helperOnPath(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		helperDir, helperBuild = os.MkdirTemp("", "hx-credhelper")
		if helperBuild != nil {
			return
		}
		out, err := exec.Command("go", "build", "-o", filepath.Join(helperDir, "docker-credential-hxtest"), "./testhelper").CombinedOutput()
		if err != nil {
			helperBuild = &buildError{err, string(out)}
		}
	})
	if helperBuild != nil {
		t.Fatalf("building test helper: %v", helperBuild)
	}
	t.Setenv("PATH", helperDir)
	store := filepath.Join(t.TempDir(), "helper.json")
	t.Setenv("HX_CRED_STORE", store)
	return store
}

type buildError struct {
	err error
	out string
}

func (e *buildError) Error() string { return e.err.Error() + "\n" + e.out }

func TestMain(m *testing.M) {
	code := m.Run()
	if helperDir != "" {
		os.RemoveAll(helperDir)
	}
	os.Exit(code)
}

func TestHelperStore(t *testing.T) {
	store := helperOnPath(t)
	f, path := loadConfig(t, `{"credsStore":"hxtest","other":true}`)
	s := For(f, "127.0.0.1:5055")
	if _, ok := s.(*helperStore); !ok {
		t.Fatalf("For picked %T, want helper store", s)
	}
	if got, err := s.Get("127.0.0.1:5055"); err != nil || got != (AuthConfig{ServerAddress: "127.0.0.1:5055"}) {
		t.Fatalf("Get before store = %+v, %v", got, err)
	}
	if err := s.Store(AuthConfig{Username: "tester", Password: "s3cret", ServerAddress: "http://127.0.0.1:5055/v2/"}); err != nil {
		t.Fatal(err)
	}
	// The file only records the server, as the reference does.
	want := "{\n\t\"auths\": {\n\t\t\"127.0.0.1:5055\": {}\n\t},\n\t\"credsStore\": \"hxtest\",\n\t\"other\": true\n}"
	if got := readFile(t, path); got != want {
		t.Errorf("config.json:\n%s", got)
	}
	if strings.Contains(readFile(t, path), "s3cret") || strings.Contains(readFile(t, store+".log"), "s3cret") {
		t.Errorf("secret leaked outside the helper's store")
	}
	got, err := s.Get("127.0.0.1:5055")
	if err != nil || got.Username != "tester" || got.Password != "s3cret" {
		t.Errorf("Get = %+v, %v", got, err)
	}
	// Hub identity tokens travel as Username "<token>".
	hub := For(f, "docker.io")
	if err := hub.Store(AuthConfig{IdentityToken: "tok", ServerAddress: "docker.io"}); err != nil {
		t.Fatal(err)
	}
	if got, _ := hub.Get("index.docker.io"); got.IdentityToken != "tok" || got.Username != "" || got.Password != "" {
		t.Errorf("token Get = %+v", got)
	}
	all, err := s.GetAll()
	if err != nil || len(all) != 2 || all[IndexServer].IdentityToken != "tok" || all["127.0.0.1:5055"].Username != "tester" {
		t.Errorf("GetAll = %+v, %v", all, err)
	}
	if err := s.Erase("127.0.0.1:5055"); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Get("127.0.0.1:5055"); got.Username != "" {
		t.Errorf("still stored after erase: %+v", got)
	}
	if _, ok := f.AuthConfigs["127.0.0.1:5055"]; ok {
		t.Errorf("file entry not erased")
	}
	wantLog := "get 127.0.0.1:5055\nstore 127.0.0.1:5055 tester\nget 127.0.0.1:5055\n" +
		"store https://index.docker.io/v1/ <token>\nget https://index.docker.io/v1/\n"
	if got := readFile(t, store+".log"); !strings.HasPrefix(got, wantLog) {
		t.Errorf("helper calls:\n%s\nwant prefix:\n%s", got, wantLog)
	}
}

func TestCredHelpersOverrideStore(t *testing.T) {
	helperOnPath(t)
	f, _ := loadConfig(t, `{"credsStore":"missing","credHelpers":{"127.0.0.1:5055":"hxtest"}}`)
	if got := HelperName(f, "https://127.0.0.1:5055"); got != "hxtest" {
		t.Errorf("HelperName = %q", got)
	}
	if err := For(f, "127.0.0.1:5055").Store(AuthConfig{Username: "u", Password: "p", ServerAddress: "127.0.0.1:5055"}); err != nil {
		t.Fatal(err)
	}
	// The credsStore helper does not exist: its error names the program.
	err := For(f, "other.example").Store(AuthConfig{Username: "u", Password: "p", ServerAddress: "other.example"})
	if err == nil || !strings.Contains(err.Error(), "docker-credential-missing") || strings.Contains(err.Error(), `"p"`) {
		t.Errorf("missing helper error = %v", err)
	}
	all, err := All(f)
	if err == nil {
		t.Errorf("All: want the missing helper's error")
	}
	if all["127.0.0.1:5055"].Username != "u" {
		t.Errorf("All = %+v", all)
	}
}

func TestHelperFailure(t *testing.T) {
	helperOnPath(t)
	t.Setenv("HX_CRED_FAIL", "1")
	f, path := loadConfig(t, `{"credsStore":"hxtest"}`)
	err := For(f, "h:1").Store(AuthConfig{Username: "u", Password: "pw-secret", ServerAddress: "h:1"})
	want := "error storing credentials - err: exit status 1, out: `keychain is locked`"
	if err == nil || err.Error() != want {
		t.Errorf("err = %v, want %s", err, want)
	}
	if _, statErr := os.Stat(path); statErr == nil && strings.Contains(readFile(t, path), "h:1") {
		t.Errorf("config.json got an entry although the helper failed")
	}
}

func TestForFallsBackToFile(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	f, _ := loadConfig(t, `{}`)
	if _, ok := For(f, "docker.io").(*fileStore); !ok {
		t.Errorf("want file store")
	}
	if HelperName(f, "x") != "" {
		t.Errorf("HelperName without config = %q", HelperName(f, "x"))
	}
}
