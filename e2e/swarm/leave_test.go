//go:build e2e

package swarm

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/dockerclone/docker/e2e/e2etest"
)

// TestLeaveInitJoin leaves and founds swarms for real. With one node, node
// 1 leaves and founds the test swarm again (on the same addresses); with
// more, the last node leaves, founds a swarm of its own, leaves it and
// joins the test swarm back.
func TestLeaveInitJoin(t *testing.T) {
	ns := nodes(t)
	last := ns[len(ns)-1]
	addr := last.addr + ":" + port()
	initArgs := []string{"swarm", "init", "--advertise-addr", addr, "--listen-addr", addr}
	if len(ns) == 1 {
		if p := os.Getenv("E2E_SWARM_DATA_PORT"); p != "" {
			initArgs = append(initArgs, "--data-path-port", p)
		}
		r := on(t, last, "swarm", "leave", "--force")
		if r.Code != 0 || r.Stdout != "Node left the swarm.\n" {
			t.Fatalf("leave --force: %s", r)
		}
		checkInit(t, last, initArgs)
		return
	}
	worker := e2etest.RunOK(t, "swarm", "join-token", "-q", "worker").Stdout
	oldID := selfID(t, last)
	if r := on(t, last, "swarm", "leave"); r.Code != 0 || r.Stdout != "Node left the swarm.\n" {
		t.Fatalf("leave: %s", r)
	}
	e2etest.RunOK(t, "node", "rm", "--force", oldID)
	checkInit(t, last, initArgs)
	if r := on(t, last, "swarm", "leave", "--force"); r.Code != 0 {
		t.Fatalf("leave --force: %s", r)
	}
	r := on(t, last, "swarm", "join", "--token", strings.TrimSpace(worker), "--listen-addr", addr, "--advertise-addr", addr, ns[0].addr+":"+port())
	if r.Code != 0 || r.Stdout != "This node joined a swarm as a worker.\n" {
		t.Fatalf("join: %s", r)
	}
}

func checkInit(t *testing.T, n node, args []string) {
	t.Helper()
	r := on(t, n, args...)
	want := regexp.MustCompile(`^Swarm initialized: current node \([0-9a-z]{25}\) is now a manager.\n\n` +
		`To add a worker to this swarm, run the following command:\n\n    docker swarm join --token SWMTKN-1-[0-9a-z-]+ ` +
		regexp.QuoteMeta(args[3]) + "\n\nTo add a manager to this swarm, run 'docker swarm join-token manager' and follow the instructions.\n$")
	if r.Code != 0 || !want.MatchString(r.Stdout) {
		t.Fatalf("init: %s", r)
	}
}
