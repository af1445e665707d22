//go:build e2e

package swarm

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dockerclone/docker/e2e/e2etest"
)

// node is one engine of the test swarm.
type node struct {
	host, addr string // DOCKER_HOST, and the address it listens on for the swarm
}

// nodes are the swarm's engines from scripts/swarm.sh, node 1 first.
func nodes(t *testing.T) []node {
	t.Helper()
	hosts := strings.Fields(os.Getenv("E2E_SWARM_HOSTS"))
	addrs := strings.Fields(os.Getenv("E2E_SWARM_ADDRS"))
	if len(hosts) == 0 || len(hosts) != len(addrs) {
		t.Fatalf("E2E_SWARM_HOSTS %q and E2E_SWARM_ADDRS %q do not match", hosts, addrs)
	}
	out := make([]node, len(hosts))
	for i := range hosts {
		out[i] = node{host: hosts[i], addr: addrs[i]}
	}
	return out
}

// multiNode is the three-node swarm of make swarm3 (the tests that need it
// are built with the swarm3 tag); fewer nodes fail the test.
func multiNode(t *testing.T) []node {
	t.Helper()
	ns := nodes(t)
	if len(ns) < 3 {
		t.Fatalf("the swarm has %d node(s); these tests need the three of make swarm3", len(ns))
	}
	return ns
}

// port is the swarm's control port.
func port() string {
	if p := os.Getenv("E2E_SWARM_PORT"); p != "" {
		return p
	}
	return "2377"
}

// on runs the binary against another node of the swarm.
func on(t *testing.T, n node, args ...string) e2etest.Result {
	t.Helper()
	return e2etest.RunEnv(t, []string{"DOCKER_HOST=" + n.host}, args...)
}

// engine sends one request to a node's engine (path without version),
// with its own deadline so that it also works in t.Cleanup.
func engine(t testing.TB, host, method, path string, body any) (int, []byte) {
	t.Helper()
	sock := strings.TrimPrefix(host, "unix://")
	client := &http.Client{Transport: &http.Transport{DialContext: func(ctx context.Context, _, _ string) (net.Conn, error) {
		return (&net.Dialer{}).DialContext(ctx, "unix", sock)
	}}}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	var rd io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		rd = bytes.NewReader(b)
	}
	req, _ := http.NewRequestWithContext(ctx, method, "http://docker"+path, rd)
	req.Header.Set("Content-Type", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		t.Fatalf("engine %s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, data
}

func manager() string { return os.Getenv("E2E_SWARM_HOST") }

// removeAtEnd deletes a swarm object (kind: services, secrets, configs,
// nodes?force=1 style path) when the test ends; a missing one is fine.
func removeAtEnd(t *testing.T, kind, name string) {
	t.Cleanup(func() {
		code, body := engine(t, manager(), http.MethodDelete, "/"+kind+"/"+name, nil)
		if code >= 300 && code != http.StatusNotFound {
			t.Errorf("cleanup of %s %s: %d %s", kind, name, code, body)
		}
	})
}

// removeStackAtEnd removes what a stack left when the test ends, through
// the engine: services, secrets, configs, then networks.
func removeStackAtEnd(t *testing.T, stack string) {
	t.Cleanup(func() {
		filter := url.QueryEscape(`{"label":{"com.docker.stack.namespace=` + stack + `":true}}`)
		for _, kind := range []string{"services", "secrets", "configs", "networks"} {
			_, body := engine(t, manager(), http.MethodGet, "/"+kind+"?filters="+filter, nil)
			var objs []struct{ ID, Id string }
			_ = json.Unmarshal(body, &objs)
			for _, o := range objs {
				engine(t, manager(), http.MethodDelete, "/"+kind+"/"+o.ID+o.Id, nil)
			}
		}
	})
}

// createService creates a replicated busybox service with this client,
// detached, and waits until its tasks run; it is removed at the end of
// the test.
func createService(t *testing.T, name string, replicas int, maxPerNode int, args ...string) string {
	t.Helper()
	r := e2etest.RunOK(t, append([]string{"service", "create", "-d", "--no-resolve-image", "--name", name, "--label", "e2e=swarm",
		"--replicas", strconv.Itoa(replicas), "--replicas-max-per-node", strconv.Itoa(maxPerNode), e2etest.Image}, args...)...)
	id := strings.TrimSpace(r.Stdout)
	removeAtEnd(t, "services", id)
	waitFor(t, "the tasks of "+name+" to run", func() bool {
		r := e2etest.Run(t, "service", "ls", "-f", "name="+name, "--format", "{{.Replicas}}")
		return strings.HasPrefix(r.Stdout, strconv.Itoa(replicas)+"/"+strconv.Itoa(replicas))
	})
	return id
}

// waitFor polls cond for up to a minute.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(250 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatalf("timed out waiting for %s", what)
}

// selfID is the node ID of a node.
func selfID(t *testing.T, n node) string {
	t.Helper()
	r := on(t, n, "info", "--format", "{{.Swarm.NodeID}}")
	if r.Code != 0 || len(strings.TrimSpace(r.Stdout)) != 25 {
		t.Fatalf("node ID of %s: %s", n.host, r)
	}
	return strings.TrimSpace(r.Stdout)
}
