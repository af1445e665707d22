//go:build e2e

package fault

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/dockerclone/docker/e2e/e2etest"
)

// Logins that run at once must not lose each other's entries: 50 parallel
// logins to three registries into one config.json, 20 rounds, and after
// each every registry is there, with the file's unknown key and mode kept.
// (The reference sometimes loses one.) Without a daemon the binary asks
// the registries itself, so no engine is involved.
func TestConcurrentLogins(t *testing.T) {
	const user, pass, rounds, logins = "fault-user", "fault-pw", 20, 50
	var regs []string
	for range 3 {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if u, p, ok := r.BasicAuth(); ok && u == user && p == pass {
				return
			}
			w.Header().Set("WWW-Authenticate", `Basic realm="fault"`)
			w.WriteHeader(http.StatusUnauthorized)
		}))
		t.Cleanup(srv.Close)
		regs = append(regs, strings.TrimPrefix(srv.URL, "http://"))
	}
	bin, err := e2etest.Binary()
	if err != nil {
		t.Fatal(err)
	}
	dir := e2etest.ConfigDir(t)
	path := filepath.Join(dir, "config.json")
	env := append(os.Environ(), "DOCKER_CONFIG="+dir, "DOCKER_HOST=unix:///nonexistent/docker.sock")
	for round := range rounds {
		if err := os.WriteFile(path, []byte(`{"auths":{},"someOtherTool":{"keep":[1,2]}}`), 0o640); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(path, 0o640); err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		failures := make(chan string, logins)
		for i := range logins {
			wg.Add(1)
			go func() {
				defer wg.Done()
				cmd := exec.Command(bin, "login", "-u", user, "--password-stdin", regs[i%len(regs)])
				cmd.Env = env
				cmd.Stdin = strings.NewReader(pass)
				out, err := cmd.CombinedOutput()
				e2etest.Record(t, string(out))
				if err != nil {
					failures <- fmt.Sprintf("%v: %s", err, out)
				}
			}()
		}
		wg.Wait()
		close(failures)
		for f := range failures {
			t.Fatalf("round %d: login failed: %s", round, f)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var cfg struct {
			Auths         map[string]json.RawMessage `json:"auths"`
			SomeOtherTool json.RawMessage            `json:"someOtherTool"`
		}
		if err := json.Unmarshal(b, &cfg); err != nil {
			t.Fatalf("round %d: config.json: %v\n%s", round, err, b)
		}
		for _, r := range regs {
			if _, ok := cfg.Auths[r]; !ok {
				t.Fatalf("round %d: the entry for %s was lost:\n%s", round, r, b)
			}
		}
		if strings.Join(strings.Fields(string(cfg.SomeOtherTool)), "") != `{"keep":[1,2]}` {
			t.Fatalf("round %d: unknown key changed: %s", round, cfg.SomeOtherTool)
		}
		if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o640 {
			t.Fatalf("round %d: mode %v, %v", round, fi.Mode().Perm(), err)
		}
	}
}
