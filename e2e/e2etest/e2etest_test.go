package e2etest

import (
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
)

// fakeBinary stands in for bin/docker: it prints its arguments, stdin and
// DOCKER_CONFIG and exits with the code in $FAKE_EXIT.
func fakeBinary(t *testing.T) {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "docker")
	script := "#!/bin/sh\necho \"args:$*\"\necho \"config:$DOCKER_CONFIG\"\necho \"extra:$EXTRA\"\ncat\necho err >&2\nexit ${FAKE_EXIT:-0}\n"
	if err := os.WriteFile(bin, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("DOCKER_BIN", bin)
	t.Setenv("DOCKER_CONFIG", "")
	t.Setenv("E2E_OUTPUT_DIR", t.TempDir()) // recorded output stays in the test
}

func TestRun(t *testing.T) {
	fakeBinary(t)

	r := Run(t, "ps", "-a")
	if !strings.HasPrefix(r.Stdout, "args:ps -a\n") || r.Stderr != "err\n" || r.Code != 0 {
		t.Fatalf("Run gave %s", r)
	}
	cfg := ConfigDir(t)
	if !strings.Contains(r.Stdout, "config:"+cfg+"\n") || !strings.HasPrefix(cfg, os.TempDir()) {
		t.Errorf("DOCKER_CONFIG not the test's temp dir %q:\n%s", cfg, r.Stdout)
	}
	if r2 := Run(t, "x"); !strings.Contains(r2.Stdout, "config:"+cfg+"\n") {
		t.Errorf("second run of the same test used another config:\n%s", r2.Stdout)
	}

	if r := RunStdin(t, "hello\n", "login"); !strings.HasSuffix(r.Stdout, "hello\n") {
		t.Errorf("stdin not passed:\n%s", r)
	}
	if r := RunEnv(t, []string{"EXTRA=1", "FAKE_EXIT=3"}, "x"); r.Code != 3 || !strings.Contains(r.Stdout, "extra:1\n") {
		t.Errorf("RunEnv gave %s", r)
	}
	if r := RunEnv(t, []string{"DOCKER_CONFIG=/mine"}, "x"); !strings.Contains(r.Stdout, "config:/mine\n") {
		t.Errorf("extra DOCKER_CONFIG did not win:\n%s", r.Stdout)
	}
	t.Setenv("DOCKER_CONFIG", "/set-by-test")
	if r := Run(t, "x"); !strings.Contains(r.Stdout, "config:/set-by-test\n") {
		t.Errorf("DOCKER_CONFIG set by the test not used:\n%s", r.Stdout)
	}
}

func TestRunGivesEachTestItsOwnConfig(t *testing.T) {
	fakeBinary(t)
	var dirs []string
	for _, name := range []string{"a", "b"} {
		t.Run(name, func(t *testing.T) { dirs = append(dirs, ConfigDir(t)) })
	}
	if dirs[0] == dirs[1] {
		t.Errorf("subtests share DOCKER_CONFIG %q", dirs[0])
	}
}

// fakeEngine serves on a unix socket named by DOCKER_HOST and records the
// requests it gets; DELETEs of names starting with "gone" answer 404.
func fakeEngine(t *testing.T) *[]string {
	t.Helper()
	sock := filepath.Join(t.TempDir(), "d.sock")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var got []string
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		got = append(got, r.Method+" "+r.URL.RequestURI())
		mu.Unlock()
		switch {
		case strings.Contains(r.URL.Path, "/gone"):
			http.Error(w, `{"message":"No such container"}`, http.StatusNotFound)
		case r.URL.Path == "/_ping":
			w.Write([]byte("OK"))
		case r.Method == http.MethodDelete:
			w.WriteHeader(http.StatusNoContent)
		default:
			w.Write([]byte("{}"))
		}
	})}
	go srv.Serve(l)
	t.Cleanup(func() { srv.Close() })
	t.Setenv("DOCKER_HOST", "unix://"+sock)
	return &got
}

func TestCleanupRemovesThroughTheEngine(t *testing.T) {
	got := fakeEngine(t)
	var name string
	t.Run("test", func(t *testing.T) {
		name = ContainerName(t, "e2e-c")
		CleanupImage(t, "repo/img:1")
		CleanupContainer(t, "gone-already")
		if !Exists(t, "containers", name) || Exists(t, "containers", "gone") {
			t.Error("Exists does not follow the engine's status")
		}
	})
	want := []string{
		"GET /containers/" + name + "/json",
		"GET /containers/gone/json",
		// t.Cleanup runs last registered first.
		"DELETE /containers/gone-already?force=1&v=1",
		"DELETE /images/repo/img:1?force=1",
		"DELETE /containers/" + name + "?force=1&v=1",
	}
	if !slices.Equal(*got, want) {
		t.Errorf("requests:\n%s\nwant:\n%s", strings.Join(*got, "\n"), strings.Join(want, "\n"))
	}
	if err := ping(); err != nil {
		t.Errorf("ping: %v", err)
	}
}

// The secret check finds a password in any recorded output or engine log,
// and only there.
func TestCheckSecrets(t *testing.T) {
	fakeBinary(t)
	state := t.TempDir()
	t.Setenv("E2E_STATE", state)
	t.Setenv("E2E_OUTPUT_DIR", "")
	Run(t, "hello")
	if err := checkSecrets("s3cr3t-pw"); err != nil {
		t.Fatalf("clean outputs: %v", err)
	}
	RunStdin(t, "s3cr3t-pw", "login") // the fake binary echoes its stdin
	err := checkSecrets("s3cr3t-pw")
	if err == nil || !strings.Contains(err.Error(), "<PASSWORD>") || strings.Contains(err.Error(), "s3cr3t-pw") {
		t.Fatalf("leak in output: %v", err)
	}
	os.RemoveAll(OutputDir())
	if err := os.WriteFile(filepath.Join(state, "registry.log"), []byte("auth s3cr3t-pw\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := checkSecrets("s3cr3t-pw"); err == nil || !strings.Contains(err.Error(), "registry.log:1") {
		t.Fatalf("leak in registry log: %v", err)
	}
	// An output too large to keep is checked whole when recorded.
	os.Remove(filepath.Join(state, "registry.log"))
	t.Setenv("E2E_REG_PASS", "s3cr3t-pw")
	huge := strings.Repeat("x", maxRecord)
	RunStdin(t, huge+"s3cr3t-pw"+huge, "logs")
	err = checkSecrets("s3cr3t-pw")
	recordMu.Lock()
	leaks = nil
	recordMu.Unlock()
	if err == nil || !strings.Contains(err.Error(), "the output of "+t.Name()) {
		t.Fatalf("leak in a large output: %v", err)
	}
}
