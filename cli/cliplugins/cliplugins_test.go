package cliplugins

import (
	"bytes"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Test plugins are shell scripts written into temporary directories; the
// runs that need the CLI-exited socket use this test binary itself as the
// plugin (TestMain), since a shell cannot connect to an abstract socket.
func TestMain(m *testing.M) {
	if mode := os.Getenv("CLIPLUGINS_TEST_PLUGIN"); mode != "" {
		os.Exit(testPlugin(mode))
	}
	os.Exit(m.Run())
}

// testPlugin connects to the socket and reports whether the CLI closed it.
func testPlugin(mode string) int {
	conn, err := net.Dial("unix", os.Getenv(EnvSocket))
	if err != nil {
		fmt.Println("dial:", err)
		return 2
	}
	os.WriteFile(os.Getenv("CLIPLUGINS_TEST_READY"), nil, 0o644)
	eof := make(chan struct{})
	go func() {
		_, _ = conn.Read(make([]byte, 1))
		close(eof)
	}()
	wait, _ := time.ParseDuration(os.Getenv("CLIPLUGINS_TEST_WAIT"))
	select {
	case <-eof:
		if mode == "ignore" {
			<-time.After(wait)
		}
		fmt.Println("cli exited")
		return 0
	case <-time.After(wait):
		fmt.Println("no notification")
		return 3
	}
}

func script(t *testing.T, dir, name, body string) string {
	t.Helper()
	path := filepath.Join(dir, "docker-"+name)
	if err := os.WriteFile(path, []byte("#!/bin/sh\n"+body+"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	return path
}

func metadataScript(md string) string {
	return `if [ "$1" = docker-cli-plugin-metadata ]; then echo '` + md + `'; exit 0; fi` + "\necho ran \"$@\""
}

const goodMetadata = `{"SchemaVersion":"0.1.0","Vendor":"Example Inc.","Version":"1.2.3","ShortDescription":"A good one"}`

// isolate keeps the metadata cache in the test's own directory.
func isolate(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	t.Setenv("HOME", t.TempDir())
}

func TestDirs(t *testing.T) {
	got := Dirs("/cfg", []string{"/x", "/y"})
	want := []string{"/x", "/y", "/cfg/cli-plugins", "/usr/local/lib/docker/cli-plugins",
		"/usr/local/libexec/docker/cli-plugins", "/usr/lib/docker/cli-plugins", "/usr/libexec/docker/cli-plugins"}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("Dirs = %q, want %q", got, want)
	}
}

func TestListAndFind(t *testing.T) {
	isolate(t)
	first, second := t.TempDir(), t.TempDir()
	script(t, first, "good", metadataScript(goodMetadata))
	script(t, first, "badjson", metadataScript(`not json`))
	script(t, first, "noschema", metadataScript(`{"Vendor":"V"}`))
	script(t, first, "newschema", metadataScript(`{"SchemaVersion":"0.2.0","Vendor":"V"}`))
	script(t, first, "novendor", metadataScript(`{"SchemaVersion":"0.1.0"}`))
	script(t, first, "failmeta", `echo '`+goodMetadata+`'; exit 1`)
	script(t, first, "ps", metadataScript(goodMetadata))
	script(t, first, "Upper", metadataScript(goodMetadata))
	script(t, first, "sv10", metadataScript(goodMetadata))
	script(t, first, "sv9", metadataScript(goodMetadata))
	notExec := script(t, first, "notexec", metadataScript(goodMetadata))
	os.Chmod(notExec, 0o644)
	os.Mkdir(filepath.Join(first, "docker-dir"), 0o755)
	os.Symlink("/nonexistent", filepath.Join(first, "docker-dangling"))
	script(t, second, "good", metadataScript(`{"SchemaVersion":"0.1.0","Vendor":"Shadowed"}`))
	script(t, second, "extra", metadataScript(`{"SchemaVersion":"0.1.0","Vendor":"Second"}`))
	dirs := []string{first, second, filepath.Join(t.TempDir(), "missing")}

	var got []string
	for _, p := range List(dirs) {
		got = append(got, fmt.Sprintf("%s %s|%s", p.Name, p.Vendor, p.Err))
	}
	want := []string{
		`Upper |plugin candidate "Upper" did not match "^[a-z][a-z0-9]*$"`,
		`badjson |invalid metadata: invalid character 'o' in literal null (expecting 'u')`,
		`dangling |failed to fetch metadata: fork/exec ` + filepath.Join(first, "docker-dangling") + `: no such file or directory`,
		`extra Second|`,
		`failmeta |failed to fetch metadata: exit status 1`,
		`good Example Inc.|`,
		`newschema V|plugin SchemaVersion "0.2.0" is not valid, must be 0.1.0`,
		`noschema V|plugin SchemaVersion "" is not valid, must be 0.1.0`,
		`notexec |failed to fetch metadata: fork/exec ` + notExec + `: permission denied`,
		`novendor |plugin metadata does not define a vendor`,
		`ps |plugin "ps" duplicates builtin command`,
		`sv9 Example Inc.|`,
		`sv10 Example Inc.|`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("List:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	for _, tc := range []struct {
		name      string
		found     bool
		valid     bool
		pathInDir string
	}{
		{"good", true, true, first},
		{"extra", true, true, second},
		{"badjson", true, false, first},
		{"nothere", false, false, ""},
		{"ps", false, false, ""},    // a built-in's name is never looked up
		{"Upper", false, false, ""}, // nor a name no plugin can have
		{"dir", false, false, ""},
	} {
		p, ok := Find(dirs, tc.name)
		if ok != tc.found || p.Valid() != tc.valid && ok {
			t.Errorf("Find(%q) = %+v, %v; want found %v valid %v", tc.name, p, ok, tc.found, tc.valid)
		}
		if ok && filepath.Dir(p.Path) != tc.pathInDir {
			t.Errorf("Find(%q).Path = %s, want in %s", tc.name, p.Path, tc.pathInDir)
		}
	}
}

// A valid plugin's metadata is asked once; a changed binary is asked again.
func TestMetadataCache(t *testing.T) {
	isolate(t)
	dir := t.TempDir()
	calls := filepath.Join(t.TempDir(), "calls")
	body := `if [ "$1" = docker-cli-plugin-metadata ]; then echo x >>` + calls + `; echo '` + goodMetadata + `'; fi`
	path := script(t, dir, "cached", body)
	count := func() int {
		b, _ := os.ReadFile(calls)
		return bytes.Count(b, []byte("x"))
	}
	for i := 0; i < 3; i++ {
		if p, ok := Find([]string{dir}, "cached"); !ok || !p.Valid() || p.Version != "1.2.3" {
			t.Fatalf("Find = %+v, %v", p, ok)
		}
	}
	if n := count(); n != 1 {
		t.Errorf("metadata asked %d times, want 1", n)
	}
	os.WriteFile(path, []byte("#!/bin/sh\n"+body+"\n# changed\n"), 0o755)
	Find([]string{dir}, "cached")
	if n := count(); n != 2 {
		t.Errorf("after a change, metadata asked %d times in all, want 2", n)
	}
}

func TestExecArgsEnvAndStatus(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("OTEL_RESOURCE_ATTRIBUTES", "a=b")
	path := script(t, dir, "env", `echo "$0 $*"; echo "$`+EnvOriginalCommand+`"; echo "$`+EnvSocket+`"; echo "$OTEL_RESOURCE_ATTRIBUTES"; echo "$EXTRA"; exit 4`)
	var out bytes.Buffer
	r := Run{Args: []string{"-D", "env", "x"}, CommandPath: "docker env", OriginalCommand: "/bin/docker",
		Env: []string{"EXTRA=1"}, Stdout: &out, Stderr: &out}
	code, err := r.Exec(path)
	if err != nil || code != 4 {
		t.Fatalf("Exec = %d, %v", code, err)
	}
	lines := strings.Split(out.String(), "\n")
	if lines[0] != path+" -D env x" || lines[1] != "/bin/docker" || !strings.HasPrefix(lines[2], "@docker_cli_") ||
		lines[3] != "a=b,docker.cli.cobra.command_path=docker%20env" || lines[4] != "1" {
		t.Errorf("plugin saw:\n%s", out.String())
	}

	killed := script(t, dir, "killed", `kill -KILL $$`)
	if code, err := (Run{}).Exec(killed); code != 255 || err != nil {
		t.Errorf("a plugin killed by a signal: %d, %v; want 255", code, err)
	}
	if _, err := (Run{}).Exec(filepath.Join(dir, "docker-missing")); err == nil {
		t.Error("a plugin that cannot start: no error")
	}
}

// self runs this test binary as a plugin in mode, sending signals once it
// has connected to the socket.
func self(t *testing.T, mode string, wait time.Duration, terminal bool, signals int) (string, int, bool) {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	ready := filepath.Join(t.TempDir(), "ready")
	t.Setenv("CLIPLUGINS_TEST_PLUGIN", mode)
	t.Setenv("CLIPLUGINS_TEST_READY", ready)
	t.Setenv("CLIPLUGINS_TEST_WAIT", wait.String())
	go func() {
		for i := 0; i < 200; i++ {
			if _, err := os.Stat(ready); err == nil {
				break
			}
			time.Sleep(10 * time.Millisecond)
		}
		for i := 0; i < signals; i++ {
			syscall.Kill(os.Getpid(), syscall.SIGINT)
			time.Sleep(50 * time.Millisecond)
		}
	}()
	var out bytes.Buffer
	forced := false
	r := Run{Stdout: &out, Stderr: &out, Terminal: terminal, ForcedExit: func() { forced = true }}
	if mode == "ignore" {
		r.Stdout, r.Stderr = nil, nil // it outlives Exec: nothing may copy its output
	}
	code, err := r.Exec(exe)
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(out.String()), code, forced
}

func TestExecSignals(t *testing.T) {
	if out, code, _ := self(t, "wait", 20*time.Second, false, 1); out != "cli exited" || code != 0 {
		t.Errorf("SIGINT without a terminal: %q, %d; want the socket closed", out, code)
	}
	if out, code, _ := self(t, "wait", time.Second, true, 1); out != "no notification" || code != 3 {
		t.Errorf("SIGINT with a terminal: %q, %d; want it left to the terminal", out, code)
	}
	if out, code, forced := self(t, "ignore", 3*time.Second, false, 3); code != 1 || !forced || out != "" {
		t.Errorf("three signals: %q, %d, forced %v; want the CLI to leave", out, code, forced)
	}
}
